package org.dl4jworkbench.app.ui.training;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Spark master URLs the window trains on: {@code local}, {@code local[N]},
 * {@code local[*]}, {@code local[N,M]} and a standalone cluster's
 * {@code spark://HOST:PORT[,HOST:PORT]}, as {@code ./workbench spark train --master} takes them.
 * YARN, Kubernetes and Mesos masters start their driver through {@code spark-submit}, which
 * the window does not run: they are refused with a message that says so.
 */
public final class SparkMaster {

    /** The field's name in messages. */
    public static final String FIELD = "Master URL";
    /** Two local worker threads: Spark on this computer, to try a run before a cluster. */
    public static final String DEFAULT = "local[2]";

    /** workbench-spark's Cluster.MASTER less the spark-submit masters; a standalone master's port is required. */
    private static final Pattern WINDOW = Pattern.compile(
            "local(\\[(\\d+|\\*)(,\\d+)?])?|spark://[^\\s/:,]+:\\d+(,[^\\s/:,]+:\\d+)*");
    private static final Pattern SUBMIT_ONLY = Pattern.compile("yarn(-client|-cluster)?|(k8s|mesos)://\\S*");
    private static final String EXPECTED = "expected local[N], local[*] or spark://HOST:PORT";

    private SparkMaster() {
    }

    /** What is wrong with {@code url} as a master for a run from the window, naming the field; empty where nothing. */
    public static Optional<String> problem(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return Optional.of(FIELD + ": " + EXPECTED + ", found nothing. Enter the cluster's master, or run on "
                    + "this computer");
        }
        if (WINDOW.matcher(u).matches()) {
            return Optional.empty();
        }
        if (SUBMIT_ONLY.matcher(u).matches()) {
            return Optional.of(FIELD + ": " + u + " starts through spark-submit, which the window does not run; "
                    + "train here on local[N] or a standalone spark://HOST:PORT, or submit './workbench spark train' "
                    + "with spark-submit");
        }
        return Optional.of(FIELD + ": " + EXPECTED + " (e.g. spark://10.0.0.5:7077), found \"" + u + "\"");
    }
}
