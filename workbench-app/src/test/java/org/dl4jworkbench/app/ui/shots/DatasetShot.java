package org.dl4jworkbench.app.ui.shots;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.spec.AugmentationSpec;

/**
 * The Dataset tab on mnist-mini with some augmentation on, so the preview shows augmented
 * digits (docs/screenshots/dataset-panel*.png).
 */
public final class DatasetShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        ((TabPane) stage.getScene().lookup("#" + MainWindow.TABS_ID)).getSelectionModel().select(1);
        model.editor().apply("Augment", s -> s.withData(s.data().withAugmentation(
                new AugmentationSpec(false, 12, 0.1, 0.1))));
        return 2.5;
    }
}
