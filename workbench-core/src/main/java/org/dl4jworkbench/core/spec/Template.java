package org.dl4jworkbench.core.spec;

/**
 * A built-in network: one of the tutorials the workbench grew from. {@code reportedAccuracy}
 * is the accuracy the tutorial itself reported (NaN where it reported none), on {@code dataset}:
 * on its test set, or on its validation set where it gave no test figure (cats-dogs);
 * {@code source} names the tutorial.
 */
public record Template(String id, String title, String description, String dataset, double reportedAccuracy,
                       String source, NetworkSpec spec) {

    public boolean hasReportedAccuracy() {
        return !Double.isNaN(reportedAccuracy);
    }
}
