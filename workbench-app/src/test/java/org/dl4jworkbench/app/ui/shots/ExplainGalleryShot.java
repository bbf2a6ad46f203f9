package org.dl4jworkbench.app.ui.shots;

import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * The evaluation of LeNet after one epoch on mnist-mini, the gallery of its most frequent
 * confusion open with the Explain switch on: Grad-CAM of the class each image was taken for
 * (docs/screenshots/explain-gallery.png).
 */
public final class ExplainGalleryShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        ShotTraining.train(model, stage, t -> t.withEpochs(1), s -> {
            if (s.result() == null) {
                return;
            }
            ShotTraining.selectTab(stage, "Evaluation");
            Evaluation e = s.result().test();
            int bestActual = 0;
            int bestPredicted = 1;
            for (int a = 0; a < e.confusion().length; a++) {
                for (int p = 0; p < e.confusion()[a].length; p++) {
                    if (a != p && e.confusion()[a][p] > e.confusion()[bestActual][bestPredicted]) {
                        bestActual = a;
                        bestPredicted = p;
                    }
                }
            }
            var view = (EvaluationView) stage.getScene().lookup("#" + EvaluationView.ID).getUserData();
            view.showCell(bestActual, bestPredicted);
            ((ToggleButton) stage.getScene().lookup("#gallery-explain")).setSelected(true);
        });
        return Double.parseDouble(System.getProperty("shot.wait", "75"));
    }
}
