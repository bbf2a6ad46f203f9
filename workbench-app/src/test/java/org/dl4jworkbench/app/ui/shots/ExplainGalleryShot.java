package org.dl4jworkbench.app.ui.shots;

import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;

/**
 * The evaluation of LeNet after one epoch on mnist-mini, the gallery of its most frequent
 * confusion open with the Explain switch on: Grad-CAM of the class each image was taken for
 * (docs/screenshots/explain-gallery.png).
 */
public final class ExplainGalleryShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        return EvaluationShot.showMostFrequentConfusion(model, stage,
                () -> ((ToggleButton) stage.getScene().lookup("#gallery-explain")).setSelected(true));
    }
}
