package org.dl4jworkbench.app.ui.shots;

import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.predict.ExplainPanel;

/**
 * The prediction pane with the model of a one-epoch LeNet run on mnist-mini, three real test
 * digits predicted and the Explain switch on: Grad-CAM over the newest
 * (docs/screenshots/explain-prediction.png).
 */
public final class ExplainShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        return PredictionShot.predictDigits(model, stage, "explain-shot",
                () -> ((ToggleButton) stage.getScene().lookup("#" + ExplainPanel.TOGGLE_ID)).setSelected(true));
    }
}
