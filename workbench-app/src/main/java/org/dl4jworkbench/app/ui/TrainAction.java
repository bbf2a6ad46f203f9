package org.dl4jworkbench.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.app.ui.task.Failure;
import org.dl4jworkbench.app.ui.task.WorkbenchExecutors;
import org.dl4jworkbench.app.ui.training.RunOn;
import org.dl4jworkbench.app.ui.training.SparkRun;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.NotInstalledException;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.run.ResumePlan;
import org.dl4jworkbench.core.run.TrainingRun;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingMonitor;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * Trains the project's network on its dataset from the window: on a thread of its own, into
 * a run folder under the project, reporting through a {@link TrainingMonitor} that a timer on
 * the FX thread reads (the FX thread never waits on training). Pause, resume and stop act
 * between minibatches (and while a pretrained network computes the features before them, which
 * the progress shows image by image); a stopped run keeps its model as any run does. A run
 * whose pretrained network is not installed fails at once with the catalogue's message. A stopped, killed or
 * finished run continues the same way ({@link #continueRun}). Whatever ends the run, an Error
 * too, the window hears of it and can train again. Where {@link RunOn} says Spark, a new run
 * trains in a process of its own ({@link SparkRun}) that the same monitor follows; it cannot pause.
 */
public final class TrainAction {

    /** What the window shows about the run: a line of text and a fraction done (or -1). */
    public record Progress(String text, double fraction, boolean running, boolean paused) {
    }

    /**
     * The run the dashboard follows. {@code result} is null until it ends (and stays null when it
     * failed: then {@code outcome} says why); {@code trainedOn} is the dataset the run trains on,
     * whatever the window has loaded since.
     */
    public record Session(TrainingMonitor monitor, String network, String dataset, String backend,
                          TrainingResult result, String outcome, Path model, Dataset trainedOn) {
    }

    private record Prepared(TrainingRun run, String backend) {
    }

    private record Finished(TrainingResult result, String outcome, Path model) {
    }

    private final Executor trainingThreads;
    private final RunOn runOn;
    private volatile SparkRun spark;
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(
            new Progress("", 0, false, false));
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> missingNetwork = new ReadOnlyObjectWrapper<>();
    private volatile TrainingRun run;
    private boolean stopAsked;
    private boolean pauseAsked;
    private Timeline timer;
    /** A seam for tests: runs on the training thread just before the run trains. */
    Consumer<TrainingRun> beforeTraining = r -> { };

    /** Each run on a thread of its own. */
    public TrainAction() {
        this(WorkbenchExecutors.threadPerTask("training"));
    }

    public TrainAction(Executor trainingThreads) {
        this(trainingThreads, null);
    }

    /** @param runOn where new runs train (null: here) */
    public TrainAction(Executor trainingThreads, RunOn runOn) {
        this.trainingThreads = trainingThreads;
        this.runOn = runOn;
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The pretrained network the last run needed and did not find installed, or null. */
    public ReadOnlyObjectProperty<String> missingNetworkProperty() {
        return missingNetwork.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return progress.get().running();
    }

    /** Starts training {@code project} on {@code data}; does nothing while a run is going. */
    public void start(Project project, Dataset data) {
        if (runOn != null && runOn.spark()) {
            startOnSpark(project, data);
        } else {
            launch(project.spec(), data, "Starting " + project.spec().name() + " on " + data.name() + " ...",
                    backend -> TrainingRun.start(project.spec(), data, project.dataset(), null, project.runsFolder(),
                            backend));
        }
    }

    /**
     * Continues the run {@code plan} checked, on {@code data} (the run's dataset, opened by the
     * caller), exactly as a new run trains: the dashboard follows it, Pause and Stop act on it,
     * and its model and evaluation replace the window's when it ends. The plan checks the data
     * and takes the run's lock first: a run another workbench trains meanwhile fails with a
     * message. Does nothing while a run is going.
     */
    public void continueRun(ResumePlan plan, Dataset data) {
        launch(plan.spec(), data, String.format(Locale.ROOT, "Resuming %s after epoch %d of %d ...",
                plan.folder().dir().getFileName(), plan.state().epoch(), plan.spec().training().epochs()),
                backend -> plan.start(data, backend));
    }

    private void startOnSpark(Project project, Dataset data) {
        if (isRunning() || runOn.problem().isPresent()) { // the Train button waits until there is none
            return;
        }
        String network = project.spec().name();
        String where = "Spark " + runOn.master();
        var monitor = new TrainingMonitor();
        SparkRun launched = spark = new SparkRun(runOn, project, monitor); // the timer and Stop look at spark
        begin(monitor, network, data, where, "Starting " + network + " on " + where + " ...", new Preparation());
        BackgroundTask.wrap(launched::run).onSuccess(f -> ended(new Progress(f.outcome(), 1, false, false),
                new Session(monitor, network, data.name(), where, f.result(), f.outcome(), f.model(), data)))
                .onFailure(f -> failed(f, monitor, network, data, where)).executeWith(trainingThreads);
    }

    private void begin(TrainingMonitor monitor, String network, Dataset data, String backend, String starting,
                       Preparation preparation) {
        missingNetwork.set(null);
        stopAsked = false;
        pauseAsked = false;
        run = null;
        session.set(new Session(monitor, network, data.name(), backend, null, null, null, data));
        progress.set(new Progress(starting, -1, true, false));
        follow(monitor, preparation);
    }

    /** Why Pause cannot act on the run going now, or null where it can. */
    public String pauseUnavailable() {
        return spark == null ? null : "A run on Spark cannot pause; Stop ends it and keeps its model.";
    }

    /** Makes the run on the training thread, given the backend's name. */
    @FunctionalInterface
    private interface RunMaker {
        TrainingRun make(String backend) throws Exception;
    }

    private void launch(NetworkSpec spec, Dataset data, String starting, RunMaker maker) {
        if (isRunning()) {
            return;
        }
        String network = spec.name();
        var monitor = new TrainingMonitor();
        var preparation = new Preparation();
        begin(monitor, network, data, "", starting, preparation);
        BackgroundTask.wrap(() -> {
            Pretrained.requireInstalled(spec, WorkbenchDirs.data());
            String backend = Backend.load().toString();
            return new Prepared(maker.make(backend), backend);
        }).onSuccess(prepared -> {
            run = prepared.run();
            if (stopAsked) {
                prepared.run().trainer().control().stop();
            } else if (pauseAsked) {
                prepared.run().trainer().control().pause();
            }
            session.set(new Session(monitor, network, data.name(), prepared.backend(), null, null, null, data));
            train(prepared, monitor, preparation, network, data);
        }).onFailure(f -> failed(f, monitor, network, data, "")).executeWith(trainingThreads);
    }

    private void train(Prepared prepared, TrainingMonitor monitor, Preparation preparation, String network,
                       Dataset data) {
        TrainingRun created = prepared.run();
        BackgroundTask.wrap(() -> {
            beforeTraining.accept(created);
            TrainingResult result = created.execute(TrainingListener.all(monitor, preparation), CurvesChart.FILES,
                    warning -> { });
            Path model = Files.exists(created.folder().model()) ? created.folder().model() : null;
            // stopped while a pretrained network computed the features: nothing trained, nothing tested
            String outcome = result.test().total() == 0 ? result.message() + "; nothing was trained"
                    : String.format(Locale.ROOT, "%s: test accuracy %.2f%% after %d epoch(s); saved in %s",
                    result.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    result.test().accuracy() * 100, result.epochsCompleted(), created.folder().dir());
            return new Finished(result, Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1), model);
        }).onSuccess(f -> ended(new Progress(f.outcome(), 1, false, false), new Session(monitor, network,
                data.name(), prepared.backend(), f.result(), f.outcome(), f.model(), data)))
                .onFailure(f -> failed(f, monitor, network, data, prepared.backend()))
                .executeWith(trainingThreads);
    }

    private void failed(Failure failure, TrainingMonitor monitor, String network, Dataset data, String backend) {
        String text = "Training failed: " + failure.message();
        if (failure.error() instanceof NotInstalledException missing) {
            missingNetwork.set(missing.id()); // the window offers the way to install it
        }
        ended(new Progress(text, 0, false, false), new Session(monitor, network, data.name(), backend, null, text,
                null, data));
    }

    private void ended(Progress last, Session finished) {
        timer.stop();
        run = null;
        spark = null;
        progress.set(last);
        session.set(finished);
    }

    /** Reads the monitor and the preparation every 250 ms while the run goes. */
    private void follow(TrainingMonitor monitor, Preparation preparation) {
        var cursor = new TrainingMonitor.Cursor[] {TrainingMonitor.Cursor.START};
        timer = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            var update = monitor.since(cursor[0]);
            cursor[0] = update.next();
            SparkRun process = spark;
            Progress now = RunProgress.of(update, preparation.latest(), process == null ? null : process.status());
            if (now != null && isRunning()) {
                progress.set(now);
            }
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    /** Stops after the current minibatch (also while paused); the model trained so far is saved. */
    public void stop() {
        stopAsked = true;
        java.util.Optional.ofNullable(spark).ifPresent(SparkRun::stop); // SIGTERM: it stops and saves
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
    public BackgroundTask<Predictor> snapshot(Executor background) {
        TrainingRun current = run;
        if (current == null || !isRunning()) {
            boolean onSpark = spark != null;
            return BackgroundTask.<Predictor>wrap(() -> {
                throw new IllegalStateException(onSpark ? "the run trains on Spark, in a process of its own; its "
                        + "model opens here when it ends" : "no run is training yet");
            }).executeWith(background);
        }
        TrainingMonitor monitor = session.get().monitor();
        Future<Network> copy = current.trainer().control().snapshot(); // waited for off the FX thread
        return BackgroundTask.wrap(() -> {
            Network net = copy.get();
            IterationEvent latest = monitor.since(new TrainingMonitor.Cursor(Integer.MAX_VALUE, Integer.MAX_VALUE))
                    .latest();
            return new Predictor(current.snapshotModel(net, latest == null ? 0 : latest.epoch() - 1));
        }).executeWith(background);
    }
}
