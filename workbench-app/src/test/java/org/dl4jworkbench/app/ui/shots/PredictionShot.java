package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.predict.MnistModelFixture;

/**
 * The prediction pane with the model of a one-epoch LeNet run on mnist-mini, predicting three
 * real test digits, top 3 each (docs/screenshots/prediction.png).
 */
public final class PredictionShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        return predictDigits(model, stage, "prediction-shot", () -> { });
    }

    /**
     * Trains, then predicts the three digits with the saved model; {@code andThen} runs right
     * after they are handed to the pane (FX thread).
     */
    static double predictDigits(WorkbenchModel model, Stage stage, String folder, Runnable andThen) throws Exception {
        var test = model.datasetProperty().get().test();
        Path dir = Files.createTempDirectory(folder);
        List<Path> digits = new ArrayList<>();
        for (int i : new int[] {0, 1, 8}) {
            digits.add(MnistModelFixture.writeDigit(test, i, dir.resolve("digit-" + test.label(i) + "-" + i
                    + ".png")));
        }
        ShotTraining.train(model, stage, t -> t.withEpochs(1), s -> {
            if (s.result() == null) {
                return;
            }
            ShotTraining.selectTab(stage, "Predict");
            var pane = (PredictionPane) stage.getScene().lookup("#" + PredictionPane.ID).getUserData();
            // the window opens the saved model in the background: predict once the pane says it has it
            var label = (Label) stage.getScene().lookup("#" + PredictionPane.MODEL_ID);
            label.textProperty().addListener((obs, old, text) -> {
                if (text.contains("(saved when the run ended)")) {
                    pane.open(digits);
                    andThen.run();
                }
            });
        });
        return Double.parseDouble(System.getProperty("shot.wait", "75"));
    }
}
