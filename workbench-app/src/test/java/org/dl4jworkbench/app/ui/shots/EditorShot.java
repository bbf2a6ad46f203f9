package org.dl4jworkbench.app.ui.shots;

import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;

/** The editor on LeNet with the second convolution selected (docs/screenshots/editor-*.png). */
public final class EditorShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        model.editor().select(2);
        return 1.5;
    }
}
