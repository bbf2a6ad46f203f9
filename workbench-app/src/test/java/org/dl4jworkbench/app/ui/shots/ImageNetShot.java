package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.predict.PredictionPane;

/**
 * The prediction pane with the pretrained MobileNet as it is: three real CIFAR-10 photos (32x32,
 * enlarged to 224x224) with their five likeliest ImageNet classes
 * (docs/screenshots/prediction-imagenet*.png).
 */
public final class ImageNetShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        ShotData.installMobileNet();
        List<Path> photos = ShotData.cifar("test/truck/0023.jpg", "test/dog/0005.jpg", "test/cat/0024.jpg");
        ShotTraining.selectTab(stage, "Predict");
        var pane = (PredictionPane) stage.getScene().lookup("#" + PredictionPane.ID).getUserData();
        var label = (Label) stage.getScene().lookup("#" + PredictionPane.MODEL_ID);
        label.textProperty().addListener((obs, old, text) -> {
            if (text.startsWith("Model: pretrained")) { // loaded in the background
                pane.open(photos);
            }
        });
        pane.useMobileNet();
        return 15;
    }
}
