package org.dl4jworkbench.app.ui.shots;

import java.util.List;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * The Evaluation tab with an evaluation of CIFAR-10's classes ({@code -Dshot.classes=10}) or of
 * two classes ({@code 2}), made up, without images: for looking at headers and the table.
 */
public final class EvaluationNamesShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        List<String> names = System.getProperty("shot.classes", "10").equals("2") ? List.of("cats", "dogs")
                : List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
        int n = names.size();
        int[][] confusion = new int[n][n];
        for (int c = 0; c < n; c++) {
            confusion[c][c] = 80 + 3 * c;
            confusion[c][(c + 1) % n] = 20 - c;
        }
        var evaluation = new Evaluation(names, confusion, 0.6, Math.min(3, n), (int) (0.95 * n * 100), List.of());
        ShotTraining.selectTab(stage, "Evaluation");
        var view = (EvaluationView) stage.getScene().lookup("#" + EvaluationView.ID).getUserData();
        view.show(evaluation, null, null, "Run 20261124-100000-cnn on cifar10. Its test images could not be opened "
                + "from cifar10 (not downloaded); open or download that dataset to see them.");
        view.showCell(1, n > 2 ? 2 : 0);
        return 2;
    }
}
