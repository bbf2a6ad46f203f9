package org.dl4jworkbench.app.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.dl4jworkbench.app.editor.FieldProblems;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.fields.NumberField;
import org.dl4jworkbench.app.ui.fields.NumberRule;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.run.ResumeException;
import org.dl4jworkbench.core.run.ResumePlan;
import org.dl4jworkbench.core.run.RunEntry;

/**
 * The Runs tab's way to continue a run: Resume trains a stopped or killed run on to the
 * epochs it planned; "Train N more epochs" trains any run with a checkpoint N epochs past it
 * (a finished run trains longer). Both open the run's own dataset (the one the window holds
 * where it is the same data), refuse other data with a message, and train through the
 * window's {@link TrainAction}: the dashboard follows the run as it follows a new one, and
 * its model and evaluation open when it ends. Disabled while the window trains, and for a
 * run that another workbench trains now (its lock is held) or that cannot be resumed; the
 * line beside the buttons says why. Checks and loading happen in the background.
 */
public final class ResumeBar {

    public static final String RESUME_ID = "resume-run";
    public static final String MORE_ID = "train-more";
    public static final String EPOCHS_ID = "more-epochs";
    public static final String HINT_ID = "resume-hint";

    /** What the selected run allows, found in the background. */
    private record Availability(boolean resume, boolean more, String hint) {
        static final Availability NONE = new Availability(false, false, "");
    }

    /** A run ready to continue: the plan and the data it checked. */
    private record Ready(ResumePlan plan, Dataset data) {
    }

    private final RunsView runs;
    private final TrainAction training;
    private final Executor io;
    private final Executor data;
    private final Supplier<Dataset> loaded;
    private final Runnable showDashboard;
    private final Button resume = new Button("Resume");
    private final Button more = new Button();
    private final NumberField epochs = NumberField.spinner(EPOCHS_ID, NumberRule.whole("More epochs", 1, 1000), 1,
            1, new FieldProblems());
    private final Label hint = new Label();
    private final HBox root;
    private Availability availability = Availability.NONE;
    private boolean preparing;
    /** Counts selections; a check's answer counts only for the selection it was asked for. */
    private long generation;

    /**
     * Adds itself to {@code runs}.
     *
     * @param io            checks the selected run
     * @param data          opens the run's dataset
     * @param loaded        the dataset the window holds now (null while none), reused where it is the run's
     * @param showDashboard shows the dashboard once the run starts
     */
    public ResumeBar(RunsView runs, TrainAction training, Executor io, Executor data, Supplier<Dataset> loaded,
                     Runnable showDashboard) {
        this.runs = runs;
        this.training = training;
        this.io = io;
        this.data = data;
        this.loaded = loaded;
        this.showDashboard = showDashboard;
        resume.setId(RESUME_ID);
        resume.setTooltip(new Tooltip("Continue the selected run from its last checkpoint to the epochs it planned"));
        resume.setOnAction(e -> start(null));
        more.setId(MORE_ID);
        more.setTooltip(new Tooltip("Train the selected run this many epochs past its last checkpoint"));
        more.setOnAction(e -> start((int) epochs.value()));
        epochs.onValue(v -> update());
        epochs.problemProperty().addListener((obs, old, now) -> update());
        hint.setId(HINT_ID);
        hint.setWrapText(true);
        root = new HBox(8, resume, epochs.node(), more, hint);
        HBox.setHgrow(hint, javafx.scene.layout.Priority.ALWAYS);
        root.setAlignment(Pos.CENTER_LEFT);
        runs.selection().addListener((ListChangeListener<RunEntry>) c -> check());
        training.progressProperty().addListener((obs, old, now) -> {
            if (old.running() && !now.running()) {
                runs.refresh(); // its status and epochs changed; the selection is checked again
            }
            update();
        });
        runs.addRow(root);
        update();
    }

    public Node node() {
        return root;
    }

    /** Finds out in the background what the one selected run allows. */
    private void check() {
        long mine = ++generation;
        availability = Availability.NONE;
        update();
        RunEntry entry = selected();
        if (entry == null) {
            return;
        }
        BackgroundTask.wrap(() -> availability(entry.run().dir())).onSuccess(found -> {
            if (mine == generation) {
                availability = found;
                update();
            }
        }).onFailure(f -> {
            if (mine == generation) {
                availability = new Availability(false, false, f.message());
                update();
            }
        }).executeWith(io);
    }

    private static Availability availability(Path run) {
        try {
            ResumePlan plan = ResumePlan.of(run, null);
            return new Availability(true, true, String.format(Locale.ROOT, "Resume continues after epoch %d of %d.",
                    plan.state().epoch(), plan.spec().training().epochs()));
        } catch (ResumeException e) {
            return switch (e.reason()) {
                case ALL_EPOCHS_DONE -> new Availability(false, true, "All its epochs are done: train more to "
                        + "continue it.");
                case NO_CHECKPOINT -> new Availability(false, false, "It ended before its first epoch did, so there "
                        + "is no checkpoint to continue from: train its network anew.");
                default -> new Availability(false, false, e.getMessage());
            };
        }
    }

    private void update() {
        boolean busy = training.isRunning() || preparing || selected() == null;
        resume.setDisable(busy || !availability.resume());
        more.setDisable(busy || !availability.more() || !epochs.isValid());
        int n = (int) epochs.value();
        more.setText("Train " + n + " more epoch" + (n == 1 ? "" : "s"));
        hint.setText(selected() == null ? "" : training.isRunning()
                ? "The window is training a run: resume once it has ended." : availability.hint());
    }

    /** Opens the run's data in the background, then trains: to the planned epochs, or {@code moreEpochs} more. */
    private void start(Integer moreEpochs) {
        RunEntry entry = selected();
        if (entry == null || training.isRunning() || preparing) {
            return;
        }
        preparing = true;
        update();
        Path dir = entry.run().dir();
        Dataset now = loaded.get();
        runs.say("Resuming " + entry.name() + ": opening its dataset ...");
        BackgroundTask.wrapWithContext(context -> {
            ResumePlan plan = moreEpochs == null ? ResumePlan.of(dir, null) : ResumePlan.extend(dir, moreEpochs);
            Dataset dataset = plan.dataset().isOpenAs(now) ? now : open(plan, context);
            plan.checkData(dataset);
            return new Ready(plan, dataset);
        }).onProgress(p -> runs.say("Resuming " + entry.name() + ": opening its dataset, " + p.phase()
                + (p.total() > 0 ? String.format(Locale.ROOT, " %,d/%,d", p.done(), p.total()) : "") + " ..."))
                .onSuccess(ready -> {
                    preparing = false;
                    if (training.isRunning()) {
                        runs.say("Not resumed: the window started training meanwhile.");
                        update();
                        return;
                    }
                    training.continueRun(ready.plan(), ready.data());
                    runs.say(String.format(Locale.ROOT, "Resuming %s after epoch %d of %d on %s: follow it in "
                            + "Dashboard.", entry.name(), ready.plan().state().epoch(),
                            ready.plan().spec().training().epochs(), ready.plan().dataset().spec()));
                    showDashboard.run();
                })
                .onFailure(f -> {
                    preparing = false;
                    runs.say("Could not resume " + entry.name() + ": " + f.message());
                    update();
                })
                .executeWith(data);
    }

    private static Dataset open(ResumePlan plan, BackgroundTask.Context context) throws IOException {
        String spec = plan.dataset().spec();
        try {
            return Datasets.open(spec, plan.dataset().openOptions().withProgress(context::progress));
        } catch (Exception e) {
            throw new IOException("the run trained on " + spec + ", which cannot be opened now (" + e.getMessage()
                    + "). Open or download that dataset, then resume again", e);
        }
    }

    private RunEntry selected() {
        return runs.selection().size() == 1 ? runs.selection().get(0) : null;
    }
}
