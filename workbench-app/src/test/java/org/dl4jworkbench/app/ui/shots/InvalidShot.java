package org.dl4jworkbench.app.ui.shots;

import javafx.stage.Stage;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.Size2;

/** LeNet with conv2's kernel at 13x13, larger than its 12x12 input (docs/screenshots/editor-problem.png). */
public final class InvalidShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) {
        var editor = model.editor();
        var conv2 = (ConvolutionSpec) editor.spec().layers().get(2);
        editor.replaceLayer(2, conv2.withKernel(Size2.square(13)), "kernel");
        editor.select(2);
        return 1.5;
    }
}
