package org.dl4jworkbench.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * Writes a run's metrics into its folder as training goes: iteration rows in batches (at
 * every epoch's end, every {@link #FLUSH_EVERY} iterations, and at the first iteration a
 * second after the last write, so that whoever follows the folder, a window following a run
 * on Spark or a sweep's trials, sees the curve grow within the epoch), a row per epoch, and
 * {@code run.json} after every epoch and at the end. A crash loses at most the unflushed
 * iteration rows of the epoch in progress, which a resumed run retrains anyway.
 */
public final class RunRecorder implements TrainingListener {

    static final int FLUSH_EVERY = 500;
    /** The longest iteration rows wait to be written, about. */
    static final long FLUSH_NANOS = 1_000_000_000L;

    private final RunFolder run;
    private final String network;
    private final String dataset;
    private final String backend;
    private final int epochsPlanned;
    private final String started;
    private final double secondsBefore;
    private final long startNanos = System.nanoTime();
    private final List<IterationRecord> pending = new ArrayList<>();
    private final LongSupplier clock;
    private long flushed;
    private int epochsCompleted;
    private Integer bestEpoch;
    private Double bestValidationAccuracy;
    private Double bestValidationLoss;
    private double lastRate;

    /**
     * @param previous the summary of the run being resumed, or null for a new run
     */
    public RunRecorder(RunFolder run, String network, String dataset, String backend, int epochsPlanned,
                       RunSummary previous) {
        this(run, network, dataset, backend, epochsPlanned, previous, System::nanoTime);
    }

    /** With {@code clock} (nanoseconds) deciding when iteration rows wait long enough. */
    RunRecorder(RunFolder run, String network, String dataset, String backend, int epochsPlanned,
                RunSummary previous, LongSupplier clock) {
        this.clock = clock;
        this.flushed = clock.getAsLong();
        this.run = run;
        this.network = network;
        this.dataset = dataset;
        this.backend = backend;
        this.epochsPlanned = epochsPlanned;
        this.started = previous != null ? previous.started() : Instant.now().toString();
        this.secondsBefore = previous != null ? previous.trainingSeconds() : 0;
        if (previous != null) {
            epochsCompleted = previous.epochsCompleted();
            bestEpoch = previous.bestEpoch();
            bestValidationAccuracy = previous.bestValidationAccuracy();
            bestValidationLoss = previous.bestValidationLoss();
        }
    }

    /** Writes the first {@code run.json} ("running"). */
    public void start() throws IOException {
        run.writeSummary(summary(RunSummary.RUNNING, "", null, null));
    }

    @Override
    public void onIteration(IterationEvent e) {
        pending.add(new IterationRecord(e.iteration(), e.epoch(), e.batch(), e.loss(), e.learningRate(),
                e.imagesPerSecond()));
        lastRate = e.imagesPerSecond();
        if (pending.size() >= FLUSH_EVERY || clock.getAsLong() - flushed >= FLUSH_NANOS) {
            flush();
        }
    }

    @Override
    public void onEpoch(EpochEvent e) {
        flush();
        epochsCompleted = e.epoch();
        if (!Double.isNaN(e.validationAccuracy())
                && (bestValidationAccuracy == null || e.validationAccuracy() > bestValidationAccuracy)) {
            bestValidationAccuracy = e.validationAccuracy();
            bestEpoch = e.epoch();
        }
        if (!Double.isNaN(e.validationLoss()) && (bestValidationLoss == null || e.validationLoss() < bestValidationLoss)) {
            bestValidationLoss = e.validationLoss();
        }
        RunFolder.unchecked(() -> {
            run.appendEpoch(e);
            run.writeSummary(summary(RunSummary.RUNNING, "", null, null));
        });
    }

    /** Writes the final {@code run.json} from the result. */
    public void finish(TrainingResult result) throws IOException {
        flush();
        if (result.bestEpoch() != null) {
            bestEpoch = result.bestEpoch(); // the epoch early stopping kept
        }
        String status = switch (result.reason()) {
            case COMPLETED -> RunSummary.COMPLETED;
            case STOPPED -> RunSummary.STOPPED;
            case EARLY_STOPPED -> RunSummary.EARLY_STOPPED;
            case DIVERGED -> RunSummary.DIVERGED;
        };
        double test = result.test().accuracy();
        run.writeSummary(summary(status, result.message(), Double.isNaN(test) ? null : test,
                result.reason() == StopReason.DIVERGED ? null : result.imagesPerSecond()));
    }

    /** Writes {@code run.json} as failed, with the reason, for a run that ended with an error. */
    public void fail(String message) throws IOException {
        flush();
        run.writeSummary(summary(RunSummary.FAILED, message, null, null));
    }

    private void flush() {
        if (!pending.isEmpty()) {
            try {
                run.appendIterations(pending);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            pending.clear();
        }
        flushed = clock.getAsLong();
    }

    private RunSummary summary(String status, String message, Double testAccuracy, Double imagesPerSecond) {
        boolean ended = !status.equals(RunSummary.RUNNING);
        return new RunSummary(RunSummary.FORMAT_VERSION, network, dataset, status, message, epochsCompleted,
                epochsPlanned, bestEpoch, bestValidationAccuracy, bestValidationLoss, testAccuracy,
                secondsBefore + (System.nanoTime() - startNanos) / 1e9,
                imagesPerSecond != null ? imagesPerSecond : lastRate, started, ended ? Instant.now().toString() : null,
                backend);
    }
}
