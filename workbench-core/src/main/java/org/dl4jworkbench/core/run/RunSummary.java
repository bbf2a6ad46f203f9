package org.dl4jworkbench.core.run;

/**
 * The state and outcome of a run ({@code run.json}), rewritten as it goes: {@code status}
 * is "running" until it ends as "completed", "stopped", "early-stopped", "diverged" or
 * "failed". Metrics not measured (yet) are null. Times are ISO-8601 instants.
 */
public record RunSummary(int formatVersion, String network, String dataset, String status, String message,
                         int epochsCompleted, int epochsPlanned, Integer bestEpoch, Double bestValidationAccuracy,
                         Double bestValidationLoss, Double testAccuracy, double trainingSeconds,
                         double imagesPerSecond, String started, String finished, String backend) {

    public static final int FORMAT_VERSION = 1;

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String STOPPED = "stopped";
    public static final String EARLY_STOPPED = "early-stopped";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";
}
