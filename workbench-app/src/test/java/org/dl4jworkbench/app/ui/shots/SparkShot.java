package org.dl4jworkbench.app.ui.shots;

import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.training.RunOn;

/**
 * LeNet training on Spark ({@code local[2]}) from the window, the dashboard following its run
 * folder mid-run (docs/screenshots/train-on-spark.png). Needs workbench-spark built and the
 * launcher's folder in {@code -Dworkbench.root}; {@code -Dshot.tab=Training} shows the panel's
 * "Run on" choice instead.
 */
public final class SparkShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        model.runOn().whereProperty().set(RunOn.Where.SPARK);
        model.runOn().masterProperty().set("local[2]");
        String tab = System.getProperty("shot.tab", "");
        if (!tab.isEmpty()) {
            ShotTraining.selectTab(stage, tab);
            return 1;
        }
        ShotTraining.train(model, stage, t -> t.withEpochs(2), s -> { });
        return Double.parseDouble(System.getProperty("shot.wait", "75"));
    }
}
