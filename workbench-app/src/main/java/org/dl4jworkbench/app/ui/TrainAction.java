package org.dl4jworkbench.app.ui;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.run.TrainingRun;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingMonitor;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * Trains the project's network on its dataset from the window: on a thread of its own, into
 * a run folder under the project, reporting through a {@link TrainingMonitor} that timers on
 * the FX thread read (the FX thread never waits on training). Pause, resume and stop act
 * between minibatches; a stopped run keeps its model as any run does.
 */
public final class TrainAction {

    /** What the window shows about the run: a line of text and a fraction done (or -1). */
    public record Progress(String text, double fraction, boolean running, boolean paused) {
    }

    /** The run the dashboard follows. {@code result} is null until it ends. */
    public record Session(TrainingMonitor monitor, String network, String dataset, String backend,
                          TrainingResult result, String outcome, java.nio.file.Path model) {
    }

    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(
            new Progress("", 0, false, false));
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private volatile TrainingRun run;
    private volatile boolean stopAsked;
    private volatile boolean pauseAsked;
    private Timeline timer;

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return progress.get().running();
    }

    /** Starts training {@code project} on {@code data}; does nothing while a run is going. */
    public void start(Project project, Dataset data) {
        if (isRunning()) {
            return;
        }
        var monitor = new TrainingMonitor();
        stopAsked = false;
        pauseAsked = false;
        run = null;
        session.set(new Session(monitor, project.spec().name(), data.name(), "", null, null, null));
        progress.set(new Progress("Starting " + project.spec().name() + " on " + data.name() + " ...", -1, true,
                false));
        Thread thread = new Thread(() -> train(project, data, monitor), "training");
        thread.setDaemon(true);
        thread.start();
        var cursor = new TrainingMonitor.Cursor[] {TrainingMonitor.Cursor.START};
        timer = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            var update = monitor.since(cursor[0]);
            cursor[0] = update.next();
            IterationEvent latest = update.latest();
            if (latest != null && isRunning()) {
                boolean paused = update.state() == TrainingListener.State.PAUSED;
                double done = ((latest.epoch() - 1) + (double) latest.batch() / latest.batches()) / latest.epochs();
                progress.set(new Progress(String.format(Locale.ROOT, "Training: epoch %d/%d, batch %d/%d, loss %.4f, "
                        + "%.0f images/s, %s left%s", latest.epoch(), latest.epochs(), latest.batch(), latest.batches(),
                        latest.loss(), latest.imagesPerSecond(), eta(latest.eta()), paused ? " (paused)" : ""), done,
                        true, paused));
            }
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    /** Stops after the current minibatch (also while paused); the model trained so far is saved. */
    public void stop() {
        stopAsked = true;
        TrainingRun current = run;
        if (current != null) {
            current.trainer().control().stop();
        }
    }

    public void pause() {
        pauseAsked = true;
        TrainingRun current = run;
        if (current != null) {
            current.trainer().control().pause();
        }
    }

    public void resume() {
        pauseAsked = false;
        TrainingRun current = run;
        if (current != null) {
            current.trainer().control().resume();
        }
    }

    /**
     * A predictor on a copy of the network in training, taken by the training thread at the next
     * minibatch boundary (at once while paused) and made ready on {@code background}: the FX
     * thread never waits for it. Fails where no run is training (use its saved model then).
     */
    public java.util.concurrent.CompletableFuture<Predictor> snapshot(java.util.concurrent.Executor background) {
        TrainingRun current = run;
        if (current == null || !isRunning()) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("no run is training yet"));
        }
        TrainingMonitor monitor = session.get().monitor();
        return current.trainer().control().snapshot().thenApplyAsync(net -> {
            IterationEvent latest = monitor.since(new TrainingMonitor.Cursor(Integer.MAX_VALUE, Integer.MAX_VALUE))
                    .latest();
            return new Predictor(current.snapshotModel(net, latest == null ? 0 : latest.epoch() - 1));
        }, background);
    }

    private void train(Project project, Dataset data, TrainingMonitor monitor) {
        String outcome;
        TrainingResult result = null;
        String backend = "";
        java.nio.file.Path model = null;
        try {
            backend = Backend.load().toString();
            String shown = backend;
            Platform.runLater(() -> session.set(new Session(monitor, project.spec().name(), data.name(), shown,
                    null, null, null)));
            TrainingRun created = TrainingRun.start(project.spec(), data, project.dataset(), null,
                    project.runsFolder(), backend);
            run = created;
            if (stopAsked) {
                created.trainer().control().stop();
            } else if (pauseAsked) {
                created.trainer().control().pause();
            }
            result = created.execute(monitor, CurvesChart.FILES, warning -> { });
            model = java.nio.file.Files.exists(created.folder().model()) ? created.folder().model() : null;
            outcome = String.format(Locale.ROOT, "%s: test accuracy %.2f%% after %d epoch(s); saved in %s",
                    result.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    result.test().accuracy() * 100, result.epochsCompleted(), created.folder().dir());
        } catch (Exception e) {
            outcome = "training failed: " + e.getMessage();
        }
        String text = Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1);
        TrainingResult finalResult = result;
        String finalBackend = backend;
        java.nio.file.Path finalModel = model;
        Platform.runLater(() -> {
            timer.stop();
            progress.set(new Progress(text, 1, false, false));
            session.set(new Session(monitor, project.spec().name(), data.name(), finalBackend, finalResult, text,
                    finalModel));
        });
    }

    private static String eta(java.time.Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
