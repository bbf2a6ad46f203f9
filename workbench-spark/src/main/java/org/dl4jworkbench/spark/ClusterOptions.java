package org.dl4jworkbench.spark;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --master} and {@code --conf}, shared by {@code spark train} and {@code spark sweep}. */
final class ClusterOptions {

    @Option(names = "--master", paramLabel = "MASTER",
            description = "local[N] (N worker threads in this process), spark://HOST:PORT (a standalone cluster), "
                    + "or what spark-submit set (default: spark-submit's master, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit's --conf (spark.executor.memory=4g, "
                    + "spark.cores.max=8, ...).")
    List<String> conf = new ArrayList<>();
}
