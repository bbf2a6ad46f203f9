package org.dl4jworkbench.spark;

import java.io.IOException;
import org.dl4jworkbench.app.cli.SweepCommand;
import org.dl4jworkbench.app.cli.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a sweep as 'sweep' does, each trial a Spark task that trains it with the workbench "
                + "('train' in a process of its own on the executor), its run folder in the sweep's folder: "
                + "shared storage on a cluster of several machines.",
            "--parallel defaults to the cluster's task slots, --threads-per-trial to spark.task.cpus."})
final class SparkSweepCommand extends SweepCommand {

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    private Cluster started;

    @Override
    public Integer call() throws UserError, IOException, InterruptedException {
        try {
            return super.call();
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    @Override
    protected Trials trials(int count, Integer parallel, Integer threads) throws UserError {
        started = Cluster.start(cluster, "sweep of " + count + " trial(s)");
        int perTrial = threads != null ? threads : started.coresPerTask();
        int atOnce = parallel != null ? parallel : Math.max(1, started.slots() / started.coresPerTask());
        return new Trials(new SparkTrials(started.context(), perTrial), atOnce, perTrial, started.describe());
    }

    @Override
    protected String resumeCommand() {
        return "./workbench spark sweep" + (cluster.master == null ? "" : " --master '" + cluster.master + "'")
                + " --resume";
    }
}
