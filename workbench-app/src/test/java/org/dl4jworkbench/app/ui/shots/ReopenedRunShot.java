package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;

/**
 * A project reopened from {@code -Dshot.project=DIR} (one with a finished run), on the tab
 * {@code -Dshot.tab} (Evaluation by default); with {@code -Dshot.cell=A,P} that cell's gallery open.
 */
public final class ReopenedRunShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        model.openProject(Path.of(System.getProperty("shot.project")));
        ShotTraining.selectTab(stage, System.getProperty("shot.tab", "Evaluation"));
        String cell = System.getProperty("shot.cell");
        if (cell != null) {
            var later = new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("shot.wait", "20"))
                    - 3));
            later.setOnFinished(e -> {
                var view = (EvaluationView) stage.getScene().lookup("#" + EvaluationView.ID).getUserData();
                String[] ap = cell.split(",");
                view.showCell(Integer.parseInt(ap[0]), Integer.parseInt(ap[1]));
            });
            later.play();
        }
        return Double.parseDouble(System.getProperty("shot.wait", "20"));
    }
}
