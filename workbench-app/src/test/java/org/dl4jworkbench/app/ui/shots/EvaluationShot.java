package org.dl4jworkbench.app.ui.shots;

import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * The evaluation of LeNet after one epoch on mnist-mini, the gallery of its most frequent
 * confusion open (docs/screenshots/evaluation.png).
 */
public final class EvaluationShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        return showMostFrequentConfusion(model, stage, () -> { });
    }

    /** Trains, then opens the gallery of the most frequent confusion; {@code andThen} runs right after (FX thread). */
    static double showMostFrequentConfusion(WorkbenchModel model, Stage stage, Runnable andThen) throws Exception {
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
            andThen.run();
        });
        return Double.parseDouble(System.getProperty("shot.wait", "75"));
    }
}
