package org.dl4jworkbench.core.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.train.CheckpointState;
import org.dl4jworkbench.core.train.Checkpoints;
import org.dl4jworkbench.core.train.EpochEvent;

/**
 * Runs a sweep folder to its end by successive halving: at each rung, every trial still in
 * the sweep trains to the rung's epochs in a process of its own ({@code parallel} at once),
 * then the best 1/eta by validation accuracy go on to the next rung and the others stop.
 * A trial's run folder is extended from rung to rung with {@code train --resume}. The state
 * file is rewritten after every event, so a sweep killed at any point continues from it:
 * ended trials are kept, a trial caught training continues from its last checkpoint (or
 * starts again where it had none). A trial whose process fails, diverges or reports no
 * validation accuracy is recorded as failed with its message; the sweep goes on without it.
 * {@link #run} blocks; {@link #stop} (from any thread) ends the trials' processes at once,
 * as a kill would, and leaves the folder to resume.
 */
public final class SweepRunner {

    private final SweepFolder folder;
    private final TrialLauncher launcher;
    private final int parallel;
    private final SweepListener listener;
    private final Map<String, Process> running = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private SweepState state;
    private SweepDefinition definition;

    public SweepRunner(SweepFolder folder, TrialLauncher launcher, int parallel, SweepListener listener) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel trials must be at least 1, not " + parallel);
        }
        this.folder = folder;
        this.launcher = launcher;
        this.parallel = parallel;
        this.listener = listener;
    }

    /** Runs the sweep to its end, or until {@link #stop}; returns its state then. */
    public SweepState run() throws SweepException, IOException, InterruptedException {
        definition = folder.definition();
        synchronized (this) {
            state = folder.read();
            for (TrialState t : state.trials()) {
                if (t.status() == TrialStatus.RUNNING) { // the sweep was killed while it trained
                    state = state.withTrial(t.withStatus(TrialStatus.PENDING, ""));
                }
            }
            folder.write(state);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sweep-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            while (!stopped && !state().finished()) {
                int rung = state().rung();
                List<Callable<Void>> work = new ArrayList<>();
                for (TrialState t : state().trials()) {
                    if (t.status() == TrialStatus.PENDING && t.epochs() < target(t, rung)) {
                        work.add(() -> {
                            train(t.id(), rung);
                            return null;
                        });
                    }
                }
                for (var f : pool.invokeAll(work)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("a trial's bookkeeping failed", e.getCause());
                    }
                }
                if (!stopped) {
                    rank(rung);
                }
            }
            return state();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ends the trials' processes now and makes {@link #run} return; the folder can be resumed. */
    public void stop() {
        stopped = true;
        running.values().forEach(Process::destroyForcibly);
    }

    public synchronized SweepState state() {
        return state;
    }

    private synchronized void update(TrialState trial) throws IOException {
        state = state.withTrial(trial);
        folder.write(state);
    }

    private int target(TrialState t, int rung) {
        return Math.min(state().rungs().get(rung), SweepFolder.epochs(definition.network(), t.settings()));
    }

    /** Trains one trial to the rung's epochs; whatever goes wrong is the trial's failure, not the sweep's. */
    private void train(String id, int rung) throws IOException {
        if (stopped) {
            return;
        }
        TrialState trial = state().trial(id).withRung(rung).withStatus(TrialStatus.RUNNING, "");
        int target = target(trial, rung);
        update(trial);
        try {
            Path run = folder.runDir(id);
            int done = checkpointEpoch(run);
            if (done < target) {
                listener.trialStarted(trial, target);
                int exit = launch(id, arguments(trial, run, done, target));
                if (stopped) {
                    return;
                }
                if (exit != 0) {
                    fail(trial, failure(folder.log(id), exit));
                    return;
                }
            }
            List<EpochEvent> epochs = RunFolder.open(run).readEpochs();
            if (epochs.isEmpty()) {
                fail(trial, "the run has no epochs in " + run.resolve(RunFolder.EPOCHS));
                return;
            }
            EpochEvent last = epochs.get(epochs.size() - 1);
            if (!Double.isFinite(last.validationAccuracy())) {
                fail(trial, "no validation accuracy after epoch " + last.epoch() + " (" + run.resolve(RunFolder.EPOCHS)
                        + ")");
                return;
            }
            TrialState trained = trial.trained(last.epoch(), last.validationAccuracy())
                    .withStatus(TrialStatus.PENDING, "");
            if (last.epoch() < target) {
                trained = trained.withStatus(TrialStatus.DONE, "its own early stopping ended it after "
                        + last.epoch() + " epoch(s)");
            } else if (last.epoch() >= SweepFolder.epochs(definition.network(), trial.settings())) {
                trained = trained.withStatus(TrialStatus.DONE, "");
            }
            update(trained);
            listener.trialTrained(trained);
            if (trained.status().ended()) {
                listener.trialEnded(trained);
            }
        } catch (IOException | SweepException | RuntimeException e) {
            if (!stopped) {
                fail(trial, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> arguments(TrialState trial, Path run, int done, int target)
            throws IOException, SweepException {
        if (done > 0) {
            return List.of("--resume", run.toString(), "--epochs", String.valueOf(target));
        }
        deleteTree(run); // killed before its first checkpoint: nothing to keep
        NetworkSpec spec = SpecSettings.apply(definition.network(), trial.settings())
                .withName(definition.network().name() + "-" + trial.id());
        Path specFile = folder.specFile(trial.id());
        Files.createDirectories(specFile.getParent());
        SpecJson.write(spec, specFile);
        return List.of("--spec", specFile.toString(), "--dataset", definition.dataset(), "--epochs",
                String.valueOf(target), "--out", run.toString());
    }

    private int launch(String id, List<String> arguments) throws IOException, InterruptedException {
        Path log = folder.log(id);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "== " + Instant.now() + " train " + String.join(" ", arguments) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = launcher.start(arguments, log);
        running.put(id, process);
        try {
            if (stopped) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } finally {
            running.remove(id);
        }
    }

    private void fail(TrialState trial, String message) throws IOException {
        TrialState failed = trial.withStatus(TrialStatus.FAILED, message);
        update(failed);
        listener.trialEnded(failed);
    }

    /** Ranks the rung's trials: at the last rung all end as done; before it the best go on. */
    private void rank(int rung) throws IOException {
        List<TrialState> ranked = state().trials().stream().filter(t -> t.status() == TrialStatus.PENDING)
                .sorted(Comparator.comparingDouble((TrialState t) -> t.validationAccuracy()).reversed()).toList();
        boolean last = rung == state().rungs().size() - 1;
        int keep = last || definition.halving() == null ? ranked.size() : definition.halving().keep(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            TrialState t = ranked.get(i);
            if (last) {
                t = t.withStatus(TrialStatus.DONE, "");
            } else if (i >= keep) {
                t = t.withStatus(TrialStatus.STOPPED, String.format(Locale.ROOT, "validation accuracy %.4f after %d "
                        + "epoch(s) was not among the best %d of %d", t.validationAccuracy(), t.epochs(), keep,
                        ranked.size()));
            }
            update(t);
            if (t.status().ended()) {
                listener.trialEnded(t);
            }
        }
        synchronized (this) {
            state = state.withRung(rung + 1);
            folder.write(state);
        }
    }

    private static int checkpointEpoch(Path run) {
        var checkpoints = new Checkpoints(run.resolve(RunFolder.CHECKPOINTS));
        try {
            if (!checkpoints.exists()) {
                return 0;
            }
            CheckpointState s = checkpoints.readState();
            return s.epoch();
        } catch (IOException | RuntimeException e) {
            return 0; // a damaged checkpoint: train the trial again from the start
        }
    }

    /** The line saying why a trial's process failed: its last "error:" line, or its exit code. */
    static String failure(Path log, int exit) {
        String error = null;
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("error: ")) {
                    error = line.substring("error: ".length());
                }
            }
        } catch (IOException e) {
            // no log to quote: the exit code says what there is
        }
        return (error != null ? error : "the trial's process ended with exit code " + exit) + " (log: " + log + ")";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
