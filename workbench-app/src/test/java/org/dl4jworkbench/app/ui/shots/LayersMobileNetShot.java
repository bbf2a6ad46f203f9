package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.predict.PredictionPane;

/**
 * The layers view of the pretrained MobileNet (a graph imported from Keras) on a real CIFAR-10
 * photo, enlarged to 224x224 (docs/screenshots/layers-mobilenet.png): its first convolution's
 * learned colour filters and the first layers' feature maps.
 */
public final class LayersMobileNetShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        ShotData.installMobileNet();
        Path photo = ShotData.cifar(System.getProperty("shot.photo", "test/dog/0005.jpg")).get(0);
        ShotTraining.selectTab(stage, "Predict");
        var pane = (PredictionPane) stage.getScene().lookup("#" + PredictionPane.ID).getUserData();
        var label = (Label) stage.getScene().lookup("#" + PredictionPane.MODEL_ID);
        label.textProperty().addListener((obs, old, text) -> {
            if (text.startsWith("Model: pretrained")) { // loaded in the background
                LayersShot.openLayersOnceShown(stage, pane);
                pane.open(List.of(photo));
            }
        });
        pane.useMobileNet();
        return Double.parseDouble(System.getProperty("shot.wait", "40"));
    }
}
