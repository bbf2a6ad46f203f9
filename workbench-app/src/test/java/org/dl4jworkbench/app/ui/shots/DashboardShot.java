package org.dl4jworkbench.app.ui.shots;

import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * The dashboard after LeNet trained on mnist-mini for three epochs with a short warm-up and a
 * step schedule, so the chart shows its markers (docs/screenshots/dashboard-training.png).
 */
public final class DashboardShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        ShotTraining.train(model, stage, t -> new TrainingSpec(t.optimizer(), t.learningRate(), t.momentum(),
                t.batchSize(), 3, t.l2(), t.seed(), new Schedule.Step(1, 0.3), 0.3, t.earlyStopping()), s -> { });
        return Double.parseDouble(System.getProperty("shot.wait", "150"));
    }
}
