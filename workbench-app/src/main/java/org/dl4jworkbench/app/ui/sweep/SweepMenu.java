package org.dl4jworkbench.app.ui.sweep;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.task.WorkbenchExecutors;

/** The Experiment menu: Sweep settings... opens a {@link SweepWindow} on the current network. */
public final class SweepMenu {

    public static final String SWEEP_ID = "sweep-menu";

    private SweepMenu() {
    }

    public static Menu menu(WorkbenchModel model, Window owner) {
        var sweep = new MenuItem("Sweep settings...");
        sweep.setId(SWEEP_ID);
        sweep.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+W"));
        sweep.setOnAction(e -> {
            Project project = model.project();
            // Beside the project's runs: runs/ lists run folders only.
            new SweepWindow(model.editor(), project.dataset(), project.runsFolder().resolveSibling("sweeps"),
                    model.darkProperty().get(), WorkbenchExecutors.threadPerTask("sweep"), model.executors().io())
                    .show(owner);
        });
        return new Menu("Experiment", null, sweep);
    }
}
