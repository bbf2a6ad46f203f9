package org.dl4jworkbench.app.ui.shots;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dl4jworkbench.app.cli.MnistSlice;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.sweep.SweepForm;
import org.dl4jworkbench.app.ui.sweep.SweepWindow;
import org.dl4jworkbench.app.ui.task.WorkbenchExecutors;

/**
 * Experiment > Sweep settings...: six LeNet trials (a log range of learning rates, two batch
 * sizes) on 1,500 real digits, halved after one epoch, finished (docs/screenshots/sweep.png).
 */
public final class SweepShot implements Screenshots.Scenario {
    @Override
    public double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("sweep-shot");
        Path data = MnistSlice.write(dir.resolve("digits"), 1500, 300);
        var sweep = new SweepWindow(model.editor(), "idx:" + data, dir.resolve("sweeps"), model.darkProperty().get(),
                WorkbenchExecutors.threadPerTask("sweep"), WorkbenchExecutors.threadPerTask("sweep-curves"));
        sweep.show(stage);
        var scene = sweep.stage().getScene();
        ((TextArea) scene.lookup("#" + SweepForm.VARY_ID)).setText("learning_rate=1e-4..1e-2:log\nbatch_size=32,64");
        ((TextField) scene.lookup("#" + SweepForm.TRIALS_ID)).setText("6");
        ((TextField) scene.lookup("#" + SweepForm.EPOCHS_ID)).setText("3");
        ((Button) scene.lookup("#" + SweepWindow.START_ID)).fire();
        return Double.parseDouble(System.getProperty("shot.wait", "200"));
    }
}
