package org.dl4jworkbench.app.ui.dashboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.dl4jworkbench.app.charts.LiveChart;
import org.dl4jworkbench.app.charts.Markers;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.fields.WhyDisabled;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.TrainingMonitor;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Csv;

/**
 * The training dashboard: progress (epoch, batch, images/s, time left), pause, resume and
 * stop, and the live curves: loss per iteration (raw and smoothed) with validation loss per
 * epoch, training and validation accuracy per epoch. A timer takes what the monitor holds
 * that is new a few times a second and redraws only then: the FX thread never waits on
 * training, and training never waits on the chart. Curves export as PNG and their data as CSV,
 * written on the io executor.
 */
public final class DashboardView {

    public static final String ID = "dashboard";
    public static final String CHART_ID = "live-chart";
    public static final String INSTALL_ID = "install-network";
    static final Duration REFRESH = Duration.millis(400);
    /**
     * The chart is redrawn at most this often while iterations stream in (an epoch's end
     * redraws at once): on two cores with software rendering, redrawing every 400 ms cost
     * the training about 8% of its speed, once a second about nothing (docs/benchmarks.md).
     */
    static final long REDRAW_NANOS = 1_000_000_000L;

    private final TrainAction training;
    private final Executor io;
    private final VBox root = new VBox(10);
    private final Canvas canvas = new Canvas(800, 400);
    private final Label title = new Label("No run yet: press Train.");
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final WhyDisabled pauseWhy = new WhyDisabled(pause);
    private final Button install = new Button("Show the pretrained networks in the Dataset tab");
    private final List<IterationRecord> iterations = new ArrayList<>();
    private final List<EpochEvent> epochs = new ArrayList<>();
    private TrainingMonitor.Cursor cursor = TrainingMonitor.Cursor.START;
    private TrainAction.Session session;
    private boolean dirty = true;
    private long lastRedraw;
    private boolean dark;

    /** @param io where exports are written */
    public DashboardView(TrainAction training, Executor io) {
        this.training = training;
        this.io = io;
        root.setId(ID);
        root.setUserData(this); // for tests and screenshots, which find the view in the window
        root.setPadding(new Insets(12));
        title.getStyleClass().add("section-title");
        status.setId("dashboard-status");
        progress.setId("dashboard-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        pause.setId("pause");
        stop.setId("stop");
        pause.setOnAction(e -> {
            if (training.progressProperty().get().paused()) {
                training.resume();
            } else {
                training.pause();
            }
        });
        stop.setOnAction(e -> training.stop());
        var exportPng = new Button("Export PNG...");
        exportPng.setOnAction(e -> chooseFile("curves.png", new FileChooser.ExtensionFilter("PNG image", "*.png"),
                this::exportPng));
        var exportCsv = new Button("Export CSV...");
        exportCsv.setOnAction(e -> chooseFile("curves.csv", new FileChooser.ExtensionFilter("CSV", "*.csv"),
                this::exportCsv));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var controls = new HBox(8, pauseWhy.node(), stop, spacer, exportPng, exportCsv);
        controls.setAlignment(Pos.CENTER_LEFT);
        var chartPane = new Pane(canvas);
        chartPane.setId(CHART_ID);
        chartPane.setMinSize(300, 200);
        canvas.widthProperty().bind(chartPane.widthProperty());
        canvas.heightProperty().bind(chartPane.heightProperty());
        canvas.widthProperty().addListener((obs, old, now) -> redraw());
        canvas.heightProperty().addListener((obs, old, now) -> redraw());
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        install.setId(INSTALL_ID);
        install.managedProperty().bind(install.visibleProperty());
        install.visibleProperty().bind(training.missingNetworkProperty().isNotNull());
        root.getChildren().setAll(title, new HBox(10, progress), status, install, controls, chartPane);

        training.sessionProperty().addListener((obs, old, s) -> follow(s));
        training.progressProperty().addListener((obs, old, p) -> {
            status.setText(p.text());
            progress.setProgress(p.fraction());
            pause.setText(p.paused() ? "Resume" : "Pause");
            pauseWhy.disable(!p.running(), training.pauseUnavailable()); // a run on Spark cannot pause
            stop.setDisable(!p.running());
        });
        pause.setDisable(true);
        stop.setDisable(true);
        var timer = new Timeline(new KeyFrame(REFRESH, e -> poll()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        redraw();
    }

    public Node node() {
        return root;
    }

    /** Where a run failed for a pretrained network that is not installed, its button hands the network's id here. */
    public void onInstallNetwork(java.util.function.Consumer<String> show) {
        install.setOnAction(e -> show.accept(training.missingNetworkProperty().get()));
    }

    /** The training the view follows. */
    public TrainAction training() {
        return training;
    }

    /** What the chart shows now, for tests and exports. */
    public List<IterationRecord> iterations() {
        return List.copyOf(iterations);
    }

    public List<EpochEvent> epochs() {
        return List.copyOf(epochs);
    }

    private void follow(TrainAction.Session s) {
        if (s == null) {
            return;
        }
        if (session == null || session.monitor() != s.monitor()) {
            iterations.clear();
            epochs.clear();
            cursor = TrainingMonitor.Cursor.START;
        }
        session = s;
        title.setText(s.network() + " on " + s.dataset() + (s.backend().isEmpty() ? "" : "  \u00b7  " + s.backend()));
        poll();
        dirty = true;
        redraw();
    }

    private void poll() {
        if (session == null) {
            return;
        }
        TrainingMonitor.Update update = session.monitor().since(cursor);
        cursor = update.next();
        if (update.isEmpty()) {
            return;
        }
        IterationRecord[] fresh = new IterationRecord[update.iterations().length];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = new IterationRecord(update.iterations()[i], update.iterationEpochs()[i], update.batches()[i],
                    update.losses()[i], update.learningRates()[i], 0);
        }
        iterations.addAll(List.of(fresh));
        epochs.addAll(update.epochs());
        dirty = true;
        if (!update.epochs().isEmpty() || System.nanoTime() - lastRedraw >= REDRAW_NANOS) {
            redraw();
        }
    }

    /** Draws the curves in the dark theme's colours while {@code darkTheme} is true. */
    public void followTheme(javafx.beans.value.ObservableBooleanValue darkTheme) {
        dark = darkTheme.get();
        darkTheme.addListener((obs, old, now) -> {
            dark = now;
            dirty = true;
            redraw();
        });
    }

    private void redraw() {
        if (!dirty && session != null) {
            return;
        }
        dirty = false;
        lastRedraw = System.nanoTime();
        draw(dark);
    }

    private void draw(boolean darkColours) {
        var g = canvas.getGraphicsContext2D();
        String name = session == null ? "Training curves" : session.network() + " on " + session.dataset();
        LiveChart.draw(g, canvas.getWidth(), canvas.getHeight(), name, null, null, iterations, epochs,
                Markers.Outcome.of(session == null ? null : session.result()), darkColours);
    }

    /** Writes the curves as a PNG image (light colours) into {@code file}, in the background; says how it went. */
    public void exportPng(Path file) {
        draw(false); // files are light, as the run folder's curves.png
        WritableImage image = canvas.snapshot(null, null);
        draw(dark);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h]; // the pixels, taken here; encoding and writing happen on io
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        write(file, () -> {
            AtomicFiles.write(file, tmp -> writePng(tmp, argb, w, h));
            return file;
        });
    }

    /** Writes the curves' data ({@link #csv()}) into {@code file}, in the background; says how it went. */
    public void exportCsv(Path file) {
        List<IterationRecord> its = List.copyOf(iterations);
        List<EpochEvent> eps = List.copyOf(epochs);
        write(file, () -> {
            AtomicFiles.writeString(file, csv(its, eps));
            return file;
        });
    }

    /** Asks where to save {@code name}, then hands the file to {@code export} (not when cancelled). */
    private void chooseFile(String name, FileChooser.ExtensionFilter filter, java.util.function.Consumer<Path> export) {
        var chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(filter);
        var chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            export.accept(chosen.toPath());
        }
    }

    private void write(Path file, Callable<Path> work) {
        BackgroundTask.wrap(work).onSuccess(f -> status.setText("Saved " + f))
                .onFailure(f -> status.setText("Could not write " + file + ": " + f.message()))
                .executeWith(io);
    }

    /** Iterations then epochs, one table: kind,iteration_or_epoch,loss,learning_rate,accuracy,validation_... */
    public String csv() {
        return csv(iterations, epochs);
    }

    private static String csv(List<IterationRecord> iterations, List<EpochEvent> epochs) {
        var out = new StringBuilder(Csv.row("kind", "step", "loss", "learning_rate", "train_accuracy",
                "validation_loss", "validation_accuracy"));
        for (IterationRecord r : iterations) {
            out.append(Csv.row("iteration", String.valueOf(r.iteration()), Csv.number(r.loss()),
                    Csv.number(r.learningRate()), "", "", ""));
        }
        for (EpochEvent e : epochs) {
            out.append(Csv.row("epoch", String.valueOf(e.epoch()), Csv.number(e.trainLoss()), "",
                    Csv.number(e.trainAccuracy()), Csv.number(e.validationLoss()), Csv.number(e.validationAccuracy())));
        }
        return out.toString();
    }

    /** Writes ARGB pixels as PNG without javafx.swing: through a BufferedImage and ImageIO. */
    private static void writePng(Path file, int[] argb, int w, int h) throws IOException {
        var buffered = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, w, h, argb, 0, w);
        if (!javax.imageio.ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
