package org.dl4jworkbench.app.ui.sweep;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.dl4jworkbench.app.Main;
import org.dl4jworkbench.app.charts.ParallelCoordinates;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.sweep.ChildJvm;
import org.dl4jworkbench.core.sweep.SpecSettings;
import org.dl4jworkbench.core.sweep.SweepDefinition;
import org.dl4jworkbench.core.sweep.SweepException;
import org.dl4jworkbench.core.sweep.SweepFolder;
import org.dl4jworkbench.core.sweep.SweepListener;
import org.dl4jworkbench.core.sweep.SweepRunner;
import org.dl4jworkbench.core.sweep.SweepState;
import org.dl4jworkbench.core.sweep.TrialState;

/**
 * A sweep of the current network in a window of its own: the settings to vary (one
 * {@code --vary} text a line, as on the command line), trials, epochs and eta; a table and a
 * parallel-coordinates plot filled as trials train; "Apply best settings" puts the best
 * trial's settings into the network as one undoable edit. Trials train in processes of their
 * own ({@link SweepRunner}) started from a thread of the sweep's, never the FX thread; the
 * window reads the runner's state on a timer. Closing the window stops the trials; the sweep
 * folder continues with {@code ./workbench sweep --resume}.
 */
public final class SweepWindow {

    public static final String START_ID = "sweep-start";
    public static final String APPLY_ID = "sweep-apply";
    public static final String STATUS_ID = "sweep-status";
    public static final String TABLE_ID = "sweep-table";
    public static final String PLOT_ID = "sweep-plot";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final EditorModel editor;
    private final Path sweepsFolder;
    private final boolean dark;
    private final Executor sweepThread;
    private final Stage stage = new Stage();
    private final Button start = new Button("Start sweep");
    private final Button apply = new Button("Apply best settings");
    private final Label status = new Label("Vary one setting a line: NAME=V1,V2 or NAME=LOW..HIGH:log.");
    private final TableView<TrialState> table = new TableView<>();
    private final Canvas plot = new Canvas(640, 260);
    private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
    private final SweepForm form;
    private final TrialCurves curves;
    private volatile SweepRunner runner;
    private Path sweepDir;
    private SweepState shown;
    private List<String> axes = List.of();

    /**
     * @param sweepsFolder where sweep folders go (one per sweep, named by the time)
     * @param sweepThread  runs the sweep, minutes long: a thread per task
     * @param io           reads the trials' curves
     */
    public SweepWindow(EditorModel editor, String datasetSpec, Path sweepsFolder, boolean dark, Executor sweepThread,
                       Executor io) {
        this.editor = editor;
        this.curves = new TrialCurves(io, dark);
        this.sweepsFolder = sweepsFolder;
        this.dark = dark;
        this.sweepThread = sweepThread;
        this.form = new SweepForm(datasetSpec, editor.spec().training().epochs());
        poll.setCycleCount(Timeline.INDEFINITE);
        stage.setTitle("Sweep: " + editor.spec().name());
        stage.setScene(new Scene(layout(), 900, 800));
        stage.setOnHidden(e -> {
            poll.stop();
            SweepRunner r = runner;
            if (r != null) {
                r.stop(); // the trials end with the window; the folder can be resumed from the command line
            }
        });
    }

    public void show(Window owner) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Pane layout() {
        start.setId(START_ID);
        apply.setId(APPLY_ID);
        status.setId(STATUS_ID);
        status.setWrapText(true);
        table.setId(TABLE_ID);
        plot.setId(PLOT_ID);
        apply.setDisable(true);
        start.setOnAction(e -> startOrStop());
        apply.setOnAction(e -> applyBest());

        TrialColumns.install(table);

        var plotBox = new Pane(plot);
        plotBox.setMinHeight(200);
        plot.widthProperty().bind(plotBox.widthProperty());
        plot.heightProperty().bind(plotBox.heightProperty());
        plot.widthProperty().addListener((o, a, b) -> draw());
        plot.heightProperty().addListener((o, a, b) -> draw());

        var tabs = new TabPane(new Tab("Settings and accuracy", plotBox), new Tab("Curves", curves.node()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        var root = new VBox(8, form.node(), new HBox(8, start, apply), status, table, tabs);
        root.setPadding(new Insets(12));
        return root;
    }

    private void startOrStop() {
        SweepRunner r = runner;
        if (r != null) {
            r.stop();
            status.setText("Stopping the trials ...");
            return;
        }
        SweepDefinition definition;
        try {
            definition = form.definition(editor.spec());
        } catch (SweepException | IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        Path dir = sweepsFolder.resolve(LocalDateTime.now().format(STAMP) + "-" + definition.network().name());
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = cores <= 4 ? 1 : 2;
        start.setText("Stop");
        apply.setDisable(true);
        status.setText("Starting the sweep in " + dir + " ...");
        sweepDir = dir;
        int parallel = ChildJvm.parallelTrials(cores, threads);
        // On the sweep's thread: the folder, then the runner until the sweep ends or is stopped.
        BackgroundTask.wrap(() -> {
            SweepFolder folder = SweepFolder.create(dir, definition);
            var created = new SweepRunner(folder, new ChildJvm(Main.class.getName(), threads), parallel,
                    SweepListener.NONE);
            runner = created;
            return new Outcome(created.run(), folder);
        }).onRunning(poll::play)
                .onSuccess(o -> finished(o.state(), o.folder()))
                .onFailure(f -> {
                    poll.stop();
                    runner = null;
                    start.setText("Start sweep");
                    status.setText("The sweep failed: " + f.message());
                })
                .executeWith(sweepThread);
    }

    /** How a sweep ended: its last state and its folder. */
    private record Outcome(SweepState state, SweepFolder folder) {
    }

    /** On the FX thread, on the timer: the runner's latest state into the table and plot. */
    private void refresh() {
        SweepRunner r = runner;
        if (r == null || r.state() == null || r.state().equals(shown)) {
            return;
        }
        show(r.state());
    }

    private void show(SweepState state) {
        shown = state;
        curves.update(sweepDir, state);
        axes = state.trials().isEmpty() ? List.of() : new ArrayList<>(state.trials().get(0).settings().keySet());
        table.getItems().setAll(state.trials());
        long ended = state.trials().stream().filter(t -> t.status().ended()).count();
        status.setText(String.format(Locale.ROOT, "Rung %d of %d (%s epochs): %d of %d trials ended",
                Math.min(state.rung() + 1, state.rungs().size()), state.rungs().size(), state.rungs(), ended,
                state.trials().size()));
        draw();
    }

    private void draw() {
        SweepState state = shown;
        if (state == null) {
            return;
        }
        Optional<TrialState> best = state.finished() ? state.best() : Optional.empty();
        List<ParallelCoordinates.Trial> lines = state.trials().stream().map(t -> new ParallelCoordinates.Trial(
                t.settings(), t.validationAccuracy(), best.isPresent() && best.get().id().equals(t.id()))).toList();
        ParallelCoordinates.draw(plot.getGraphicsContext2D(), plot.getWidth(), plot.getHeight(), axes, lines, dark);
    }

    private void finished(SweepState end, SweepFolder folder) {
        poll.stop();
        runner = null;
        start.setText("Start sweep");
        show(end);
        if (!end.finished()) {
            status.setText("Stopped. Continue it with ./workbench sweep --resume " + folder.dir());
            return;
        }
        Optional<TrialState> best = end.best();
        apply.setDisable(best.isEmpty());
        apply.setUserData(best.orElse(null));
        status.setText(best.map(b -> String.format(Locale.ROOT, "Done: best %s, %s, %.2f%% validation accuracy "
                + "after %d epoch(s). Runs in %s", b.id(), SweepDefinition.describe(b.settings()),
                b.validationAccuracy() * 100, b.epochs(), folder.dir())).orElse("Done: every trial failed; "
                + "their messages are in the table"));
    }

    /** The best trial's settings into the network: one edit, undone with Edit > Undo. */
    private void applyBest() {
        if (!(apply.getUserData() instanceof TrialState best)) {
            return;
        }
        NetworkSpec changed;
        try {
            changed = SpecSettings.apply(editor.spec(), best.settings());
        } catch (SweepException e) {
            status.setText("Cannot apply: " + e.getMessage());
            return;
        }
        editor.apply("Apply sweep settings (" + SweepDefinition.describe(best.settings()) + ")", spec -> changed);
        status.setText("Applied " + SweepDefinition.describe(best.settings()) + " to the network; Edit > Undo "
                + "takes it back");
    }
}
