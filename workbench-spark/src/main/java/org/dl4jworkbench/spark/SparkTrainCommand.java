package org.dl4jworkbench.spark;

import java.io.IOException;
import java.io.PrintWriter;
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
        try {
            return super.call();
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

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
