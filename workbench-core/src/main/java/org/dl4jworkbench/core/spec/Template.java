package org.dl4jworkbench.core.spec;

/**
 * A built-in network: one of the tutorials the workbench grew from. {@code reportedAccuracy}
 * is the test accuracy the tutorial itself reported (NaN where it reported none), on
 * {@code dataset}; {@code source} says which tutorial.
 */
public record Template(String id, String title, String description, String dataset, double reportedAccuracy,
                       String source, NetworkSpec spec) {

    public boolean hasReportedAccuracy() {
        return !Double.isNaN(reportedAccuracy);
    }
}
