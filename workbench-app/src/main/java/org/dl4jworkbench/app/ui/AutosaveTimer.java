package org.dl4jworkbench.app.ui;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.dl4jworkbench.app.project.Autosave;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.task.BackgroundTask;

/**
 * Autosaves the project a moment after each edit while it has unsaved changes; the file is
 * written on the io executor. A failed autosave is logged (by the task) and otherwise ignored:
 * the next edit tries again.
 */
final class AutosaveTimer {

    static final Duration DELAY = Duration.seconds(2);

    private final Autosave autosave;
    private final Executor io;
    private final Supplier<Project> project;
    private final BooleanSupplier dirty;
    private final PauseTransition delay = new PauseTransition(DELAY);

    AutosaveTimer(Autosave autosave, Executor io, Supplier<Project> project, BooleanSupplier dirty) {
        this.autosave = autosave;
        this.io = io;
        this.project = project;
        this.dirty = dirty;
        delay.setOnFinished(e -> writeNow());
    }

    Autosave store() {
        return autosave;
    }

    /** After an edit: autosave in a moment if there is anything unsaved. */
    void schedule() {
        if (dirty.getAsBoolean()) {
            delay.playFromStart();
        }
    }

    void stop() {
        delay.stop();
    }

    /** Throws away a project's autosave (saved, or its changes discarded), in the background. */
    BackgroundTask<Void> discard(Path projectFolder) {
        stop();
        return BackgroundTask.<Void>wrap(() -> {
            autosave.discard(projectFolder);
            return null;
        }).executeWith(io);
    }

    private void writeNow() {
        if (!dirty.getAsBoolean()) {
            return;
        }
        Project snapshot = project.get();
        BackgroundTask.<Void>wrap(() -> {
            autosave.write(snapshot);
            return null;
        }).executeWith(io);
    }
}
