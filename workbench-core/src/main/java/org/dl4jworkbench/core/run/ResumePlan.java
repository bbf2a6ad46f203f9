package org.dl4jworkbench.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.run.ResumeException.Reason;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.dl4jworkbench.core.train.CheckpointState;
import org.dl4jworkbench.core.train.Checkpoints;

/**
 * Whether and how a stopped or killed run continues, checked before the long work: the
 * folder is a run with a checkpoint, epochs are left to train, and (once the caller has
 * loaded it) the data is the data the run started with. The same for the command line and
 * the window: {@link #of} checks the folder, the caller loads {@link #dataset()}'s data,
 * {@link #start} checks it and continues the run. A run that a workbench trains now (its
 * folder's {@link RunLock} is held) is refused.
 */
public final class ResumePlan {

    private final Path given;
    private final RunFolder folder;
    private final NetworkSpec spec;
    private final boolean epochsChanged;
    private final DatasetDescription dataset;
    private final CheckpointState state;

    private ResumePlan(Path given, RunFolder folder, NetworkSpec spec, boolean epochsChanged,
                       DatasetDescription dataset, CheckpointState state) {
        this.given = given;
        this.folder = folder;
        this.spec = spec;
        this.epochsChanged = epochsChanged;
        this.dataset = dataset;
        this.state = state;
    }

    /**
     * Checks that {@code runDir} can be resumed.
     *
     * @param epochs the epochs the run should reach in all, or null for the run's own setting
     * @throws ResumeException where it cannot, with a message saying why and what to do
     */
    public static ResumePlan of(Path runDir, Integer epochs) throws ResumeException {
        return plan(runDir, done -> epochs);
    }

    /**
     * Checks that {@code runDir} can train {@code more} epochs after its last checkpoint: a
     * finished run trains longer, a stopped or killed one continues to that many.
     *
     * @throws ResumeException where it cannot, with a message saying why and what to do
     */
    public static ResumePlan extend(Path runDir, int more) throws ResumeException {
        if (more < 1) {
            throw new IllegalArgumentException("more epochs must be at least 1, not " + more);
        }
        return plan(runDir, done -> done + more);
    }

    /** @param epochsAfter the epochs to reach in all, given the epochs the checkpoint has done (null: the run's) */
    private static ResumePlan plan(Path runDir, IntFunction<Integer> epochsAfter) throws ResumeException {
        RunFolder run;
        NetworkSpec spec;
        DatasetDescription described;
        try {
            run = RunFolder.open(runDir);
            spec = run.readSpec();
            described = run.readDataset();
        } catch (SpecFormatException e) {
            throw new ResumeException(Reason.NOT_A_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new ResumeException(Reason.NOT_A_RUN, runDir + ": not a run folder that can be resumed ("
                    + e.getMessage() + ")", e);
        }
        refuseWhileTrained(run);
        var checkpoints = new Checkpoints(run.checkpoints());
        if (!checkpoints.exists()) {
            throw new ResumeException(Reason.NO_CHECKPOINT, runDir + ": no checkpoint yet (the run ended before its "
                    + "first epoch did). Start it again with ./workbench train --spec " + run.file(RunFolder.NETWORK));
        }
        CheckpointState state;
        try {
            state = checkpoints.readState();
        } catch (IOException e) {
            throw new ResumeException(Reason.DAMAGED_CHECKPOINT, runDir + ": its checkpoint cannot be used ("
                    + e.getMessage() + "). Start a new run with ./workbench train --spec "
                    + run.file(RunFolder.NETWORK), e);
        }
        Integer epochs = epochsAfter.apply(state.epoch());
        boolean changed = epochs != null && epochs != spec.training().epochs();
        if (changed) {
            spec = spec.withTraining(spec.training().withEpochs(epochs));
        }
        if (state.epoch() >= spec.training().epochs()) {
            throw new ResumeException(Reason.ALL_EPOCHS_DONE, runDir + ": nothing to resume, all "
                    + spec.training().epochs() + " epochs are done. Give --epochs with a larger number to train "
                    + "longer");
        }
        return new ResumePlan(runDir, run, spec, changed, described, state);
    }

    /** A run that a workbench trains now is not resumed: both would write its files. */
    private static void refuseWhileTrained(RunFolder run) throws ResumeException {
        OptionalLong pid;
        try {
            pid = run.trainingProcess();
        } catch (IOException e) {
            return; // the lock cannot be asked; start() takes it, or says why it cannot
        }
        if (pid.isPresent()) {
            throw new ResumeException(Reason.BEING_TRAINED, RunLockedException.message(run.dir(), pid.getAsLong(),
                    pid.getAsLong() == ProcessHandle.current().pid()));
        }
    }

    public RunFolder folder() {
        return folder;
    }

    /** The run's network, with the epochs asked for. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The data the run started with: load {@code dataset().spec()} and give it to {@link #start}. */
    public DatasetDescription dataset() {
        return dataset;
    }

    /** The last checkpoint: the run continues after {@code state().epoch()}. */
    public CheckpointState state() {
        return state;
    }

    /** Refuses data other than the run's: resuming would mix two datasets. */
    public void checkData(Dataset data) throws ResumeException {
        if (!data.fingerprint().equals(dataset.fingerprint())) {
            throw new ResumeException(Reason.DATA_CHANGED, dataset.spec() + ": the data changed since the run "
                    + "started (fingerprint " + data.fingerprint() + ", was " + dataset.fingerprint() + "); resuming "
                    + "would mix two datasets. Start a new run instead");
        }
    }

    /**
     * Checks {@code data}, takes the folder's {@link RunLock} (refused where a workbench trains
     * the run now; the run holds it until it has executed), records the new number of epochs,
     * drops the logged rows past the checkpoint (the epoch it lost is trained again) and
     * returns the run, ready to {@link TrainingRun#execute}.
     */
    public TrainingRun start(Dataset data, String backend) throws ResumeException, IOException {
        checkData(data);
        RunLock lock;
        try {
            lock = folder.lock();
        } catch (RunLockedException e) {
            throw new ResumeException(Reason.BEING_TRAINED, e.getMessage(), e);
        }
        try {
            if (epochsChanged) {
                folder.writeSpec(spec);
            }
            folder.truncateAfter(state.epoch(), state.iteration());
            return TrainingRun.resume(spec, data, folder, previousSummary(), backend, lock);
        } catch (IOException | RuntimeException e) {
            lock.releaseAfter(e);
            throw e;
        }
    }

    private RunSummary previousSummary() {
        try {
            return folder.readSummary();
        } catch (IOException e) {
            return null; // killed before its first summary: start the record afresh
        }
    }

    @Override
    public String toString() {
        return given + " after epoch " + state.epoch() + " of " + spec.training().epochs();
    }
}
