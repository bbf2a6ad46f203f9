package org.dl4jworkbench.spark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Trains and sweeps on an Apache Spark cluster: local[N] in this process, a standalone "
                + "cluster (spark://HOST:PORT), or under spark-submit (YARN, Kubernetes). README: \"On a Spark "
                + "cluster\"."},
        subcommands = {SparkTrainCommand.class, SparkSweepCommand.class})
public final class SparkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
