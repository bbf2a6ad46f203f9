package org.dl4jworkbench.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import org.dl4jworkbench.app.cli.TrainCommand;
import org.dl4jworkbench.app.cli.UserError;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.train.Fitter;
import org.dl4jworkbench.core.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains as 'train' does, into the same run folder, with the minibatches fitted on a Spark "
                + "cluster: DL4J's parameter averaging, each worker fitting --averaging minibatches before the "
                + "workers' networks are averaged. Validation, checkpoints and the model stay with this process.",
            "Ends with one line of JSON, as 'train'."})
final class SparkTrainCommand extends TrainCommand {

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--averaging", paramLabel = "N", defaultValue = "5",
            description = "Minibatches each worker fits between two averagings (default: ${DEFAULT-VALUE}).")
    int averaging;

    private Cluster started;

    @Override
    public Integer call() throws UserError, InvalidDataException, IOException, BackendUnavailableException {
        if (averaging < 1) {
            throw new UserError("--averaging must be at least 1, not " + averaging);
        }
        var ended = new java.util.concurrent.CountDownLatch(1);
        // Ctrl+C: train's own hook stops after the minibatches in flight and saves; Spark's hook would
        // stop the context under them. This one, run first (Spark runs its hooks through Hadoop's, by
        // priority), holds Spark's back until the run has ended.
        ShutdownHookManager.get().addShutdownHook(() -> {
            try {
                ended.await(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, SPARK_HOOKS_PRIORITY + 10, STOP_SECONDS + 5, TimeUnit.SECONDS);
        try {
            return super.call();
        } finally {
            ended.countDown();
            if (started != null) {
                started.close();
            }
        }
    }

    /** The priority of Spark's shutdown hooks in Hadoop's manager (FileSystem's 10, plus 30). */
    private static final int SPARK_HOOKS_PRIORITY = 40;
    private static final long STOP_SECONDS = 60;

    @Override
    protected Fitter fitter(NetworkSpec spec, PrintWriter err) throws UserError {
        if (Trainer.trainsOnCachedFeatures(spec)) {
            throw new UserError("network '" + spec.name() + "' trains its head on the features of a frozen "
                    + spec.backbone().model() + ", computed once on this computer; train it here with "
                    + "'./workbench train', or unfreeze the backbone or add augmentation to train it on Spark");
        }
        started = Cluster.start(cluster, "train " + spec.name());
        err.println(started.describe());
        return new SparkFitter(started.context(), started.slots() / started.coresPerTask(), averaging,
                spec.training().batchSize());
    }

    @Override
    protected String backend() throws BackendUnavailableException {
        return Backend.load() + "; " + started.describe();
    }
}
