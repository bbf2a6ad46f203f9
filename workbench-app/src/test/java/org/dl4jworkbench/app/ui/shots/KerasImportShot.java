package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.predict.FilePicker;
import org.dl4jworkbench.app.ui.predict.PredictionPane;

/** File > Import Keras model: the dialog asking pixel scaling and class names (docs/screenshots/keras-import.png). */
public final class KerasImportShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        var pane = (PredictionPane) stage.getScene().lookup("#" + PredictionPane.ID).getUserData();
        pane.filePicker(new FilePicker() { // the file chooser's answer; the dialog is the picture
            @Override
            public Path open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                return Path.of("flowers.h5");
            }

            @Override
            public Path save(Window owner, String title, Path suggested, FileChooser.ExtensionFilter filter) {
                return null;
            }
        });
        Platform.runLater(() -> pane.importKeras(null, () -> { })); // the dialog waits for an answer
        return 2;
    }
}
