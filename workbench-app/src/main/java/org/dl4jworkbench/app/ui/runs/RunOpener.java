package org.dl4jworkbench.app.ui.runs;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.evaluation.EvaluationView;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.app.ui.task.Failure;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.run.RunEntry;

/**
 * Opens a past run in the window: its model in the prediction pane, its evaluation (matrix
 * and table at once, the gallery once its test images are found) and its curves in the Runs
 * detail. Opening a project opens its latest finished run. Reading happens on the background
 * executor; only the last run asked for is shown, however the reads finish.
 */
public final class RunOpener {

    private final Executor background;
    private final RunsView runs;
    private final EvaluationView evaluation;
    private final Consumer<Path> openModel;
    private final Supplier<Dataset> openDataset;
    private int generation;

    /**
     * @param openModel   opens a model file in the prediction pane (in the background itself)
     * @param openDataset the dataset the window holds now (null while none), reused where it is the run's
     */
    public RunOpener(Executor background, RunsView runs, EvaluationView evaluation, Consumer<Path> openModel,
                     Supplier<Dataset> openDataset) {
        this.background = background;
        this.runs = runs;
        this.evaluation = evaluation;
        this.openModel = openModel;
        this.openDataset = openDataset;
        runs.setOnOpen(this::open);
    }

    /**
     * Lists the runs again when the project's runs folder changes, and opens the latest
     * finished run of a project that was opened (not one that was only saved under a folder).
     */
    public void follow(ObservableValue<Project> project) {
        project.addListener((obs, old, now) -> {
            if (now == null || old != null && Objects.equals(old.runsFolder(), now.runsFolder())) {
                return;
            }
            boolean savedAs = old != null && now.scratch() != null && now.scratch().equals(old.scratch());
            if (savedAs) {
                runs.refresh();
            } else {
                generation++; // whatever was opening belongs to the project before
                runs.refreshThen(this::openLatestFinished);
            }
        });
    }

    private void openLatestFinished(java.util.List<RunEntry> entries) {
        int asked = generation;
        // which runs saved a model is read from disk: in the background too
        run(() -> entries.stream().filter(RunEntry::finishedWithModel).findFirst(), found -> {
            if (asked != generation) {
                return;
            }
            found.ifPresentOrElse(latest -> {
                runs.select(latest);
                open(latest, false); // the prediction pane opens the project's latest run itself
            }, () -> evaluation.clear(entries.isEmpty() ? "No evaluation yet: this project has no runs. Press Train."
                    : "No evaluation yet: none of this project's runs finished. Open one in Runs to see its curves."));
        }, f -> runs.say("Could not read the project's runs: " + f.message()));
    }

    /** Opens {@code entry}: model, evaluation, then the gallery's images. */
    public void open(RunEntry entry) {
        open(entry, true);
    }

    private void open(RunEntry entry, boolean intoPredict) {
        int asked = ++generation;
        runs.say("Opening " + entry.name() + " ...");
        run(() -> OpenedRun.read(entry), opened -> {
            if (asked != generation) {
                return;
            }
            if (opened.model() != null && intoPredict) {
                openModel.accept(opened.model());
            }
            if (opened.evaluation() == null) {
                evaluation.clear("No evaluation for run " + entry.name() + ": " + opened.problem() + ".");
                runs.say("Opened " + entry.name() + (opened.model() != null ? ": its model is in Predict; " : ": ")
                        + "it has no evaluation (" + opened.problem() + ").");
                return;
            }
            evaluation.show(opened.evaluation(), null, null, opened.about() + " Looking for its test images"
                    + (opened.data() == null ? "" : " in " + opened.data().spec()) + " ...");
            runs.say("Opened " + entry.name() + ": " + (opened.model() != null ? "its model is in Predict, "
                    : "it saved no model (status " + entry.status() + "), ") + "its evaluation in Evaluation.");
            Dataset now = openDataset.get();
            run(() -> opened.testImages(now), found -> {
                if (asked != generation) {
                    return;
                }
                if (found.images() == null) {
                    evaluation.about(found.about());
                } else if (found.evaluation() != opened.evaluation()) {
                    evaluation.show(found.evaluation(), found.images(), null, found.about());
                } else {
                    evaluation.images(found.images(), found.about());
                }
            }, f -> evaluation.about(opened.about() + " Its test images could not be loaded: " + f.message()));
        }, f -> runs.say("Could not open " + entry.name() + ": " + f.message()));
    }

    /**
     * Runs {@code work} on the background executor; {@code done} or {@code failed} (Errors
     * too, with a message for the user) on the FX thread. The one place this class leaves the
     * FX thread.
     */
    private <T> void run(Callable<T> work, Consumer<T> done, Consumer<Failure> failed) {
        BackgroundTask.wrap(work).onSuccess(done).onFailure(failed).executeWith(background);
    }
}
