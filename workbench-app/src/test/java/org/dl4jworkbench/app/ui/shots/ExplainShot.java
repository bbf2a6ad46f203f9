package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.predict.ExplainPanel;
import org.dl4jworkbench.app.ui.predict.PredictionPane;
import org.dl4jworkbench.core.predict.MnistModelFixture;

/**
 * The prediction pane with the model of a one-epoch LeNet run on mnist-mini, three real test
 * digits predicted and the Explain switch on: Grad-CAM over the newest
 * (docs/screenshots/explain-prediction.png).
 */
public final class ExplainShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        var test = model.datasetProperty().get().test();
        Path dir = Files.createTempDirectory("explain-shot");
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
            var label = (Label) stage.getScene().lookup("#" + PredictionPane.MODEL_ID);
            label.textProperty().addListener((obs, old, text) -> {
                if (text.contains("(saved when the run ended)")) {
                    pane.open(digits);
                    ((ToggleButton) stage.getScene().lookup("#" + ExplainPanel.TOGGLE_ID)).setSelected(true);
                }
            });
        });
        return Double.parseDouble(System.getProperty("shot.wait", "75"));
    }
}
