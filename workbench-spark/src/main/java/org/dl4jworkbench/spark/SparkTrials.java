package org.dl4jworkbench.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.dl4jworkbench.core.sweep.TrialLauncher;

/**
 * Starts each trial of a sweep as a Spark job of one task ({@link TrialTask}): the cluster's
 * scheduler places it on a free slot, and {@code threads} ND4J threads train it there.
 */
final class SparkTrials implements TrialLauncher {

    private final JavaSparkContext spark;
    private final int threads;
    private final String directory = Path.of("").toAbsolutePath().toString();
    private final AtomicInteger jobs = new AtomicInteger();

    SparkTrials(JavaSparkContext spark, int threads) {
        this.spark = spark;
        this.threads = threads;
    }

    @Override
    public Process start(List<String> arguments, Path log) throws IOException {
        var task = new TrialTask(TrialCommandLine.class.getName(), threads, List.copyOf(arguments),
                log.toAbsolutePath().toString(), directory);
        String group = "workbench-trial-" + jobs.incrementAndGet();
        return new SparkJobProcess(spark, group, "train " + String.join(" ", arguments),
                () -> spark.parallelize(List.of(task), 1).map(TrialTask::run).collect().get(0),
                message -> note(log, message));
    }

    /** Why the trial's job failed, where the sweep looks for it: the trial's log. */
    private static void note(Path log, String message) {
        try {
            Files.writeString(log, "error: the Spark job failed: " + message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the sweep says the trial failed with its exit code
        }
    }
}
