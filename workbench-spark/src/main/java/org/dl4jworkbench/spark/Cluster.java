package org.dl4jworkbench.spark;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dl4jworkbench.app.cli.UserError;

/**
 * The Spark context the workbench trains with. Started from {@code ./workbench spark}, it
 * gives the executors this installation's class path and the JVM options DL4J needs (so a
 * cluster on this machine, or one with the workbench at the same path, runs it as it is);
 * under {@code spark-submit} the submission's settings stand. Spark's web UI is off unless a
 * {@code --conf} turns it on; a local master binds to 127.0.0.1 only.
 */
final class Cluster implements AutoCloseable {

    /** local, local[4], local[*], local[4,2], spark://host:port[,host:port], yarn, k8s://..., mesos://... */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\d+|\\*)(,\\d+)?])?|spark://[^\\s/]+(:\\d+)?(,[^\\s/]+(:\\d+)?)*|yarn|k8s://\\S+|mesos://\\S+");

    /** The JVM options of everything Spark here: the resource {@code java-options}, which the launcher also reads. */
    static final List<String> JAVA_OPTIONS = javaOptions();

    private final JavaSparkContext context;

    private Cluster(JavaSparkContext context) {
        this.context = context;
    }

    /**
     * A context on {@code options}' master for a job called {@code name}.
     *
     * @throws UserError where the master URL or a setting is malformed, or the master cannot be reached
     */
    static Cluster start(ClusterOptions options, String name) throws UserError {
        SparkConf conf = new SparkConf(true).setAppName("DL4J Workbench: " + name);
        String master = options.master != null ? options.master : conf.get("spark.master", "local[*]");
        if (!MASTER.matcher(master).matches()) {
            throw new UserError("--master " + master + ": expected local[N], local[*] or spark://HOST:PORT (also yarn "
                    + "or k8s://URL under spark-submit)");
        }
        conf.setMaster(master);
        boolean submitted = System.getProperty("SPARK_SUBMIT") != null; // spark-submit sets it
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local") || master.startsWith("spark://127.") || master.startsWith("spark://localhost")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!submitted) {
            // Executors start with this installation's class path: a cluster on this machine, or one with
            // the workbench at the same path on every worker; spark-submit ships its own jar instead.
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        conf.setIfMissing("spark.executor.extraJavaOptions", String.join(" ", JAVA_OPTIONS));
        conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "passive");
        // An executor runs a task per core at once; each task's ND4J ops get the task's cores, not all.
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus", "1"));
        for (String setting : options.conf) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--conf " + setting + ": expected KEY=VALUE, e.g. spark.executor.memory=4g");
            }
            conf.set(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        try {
            var cluster = new Cluster(new JavaSparkContext(conf));
            if (!master.startsWith("local")) {
                cluster.awaitExecutors();
            }
            return cluster;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("").strip();
            throw new UserError("cannot start Spark on " + master + ": " + why + ". Check the master URL and that the "
                    + "cluster runs");
        }
    }

    /**
     * Waits until the cluster's executors have registered (they start after the context) and
     * their number has held for two seconds, so the work is shared out among all of them.
     */
    private void awaitExecutors() throws UserError {
        long deadline = System.nanoTime() + EXECUTOR_WAIT_SECONDS * 1_000_000_000L;
        int seen = 0;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (context.sc().isStopped()) {
                throw new UserError("the executors of " + context.master() + " failed to start and Spark gave the "
                        + "application up; the workers' logs (and each executor's stderr in their work folders) say "
                        + "why");
            }
            int now = context.sc().getExecutorMemoryStatus().size() - 1; // the driver is one of them
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - since > 2_000_000_000L) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (seen == 0) {
            context.stop();
            throw new UserError("no executor of " + context.master() + " started within " + EXECUTOR_WAIT_SECONDS
                    + " s: check that the cluster has workers with free cores and memory (its master's web page "
                    + "lists them), and that they can reach this computer");
        }
    }

    private static final int EXECUTOR_WAIT_SECONDS = 60;

    private static List<String> javaOptions() {
        try (var in = Cluster.class.getResourceAsStream("java-options")) {
            if (in == null) {
                throw new IllegalStateException("java-options is missing beside " + Cluster.class.getName());
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                    .flatMap(l -> java.util.Arrays.stream(l.split("\\s+"))).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JavaSparkContext context() {
        return context;
    }

    /** The task slots the cluster has now: executor cores, or local[N]'s N. */
    int slots() {
        return Math.max(1, context.defaultParallelism());
    }

    /** Cores one task takes (spark.task.cpus): the ND4J threads of one worker's training. */
    int coresPerTask() {
        return Math.max(1, context.getConf().getInt("spark.task.cpus", 1));
    }

    String master() {
        return context.master();
    }

    /** For the log: where it runs and what Spark it is. */
    String describe() {
        return String.format(Locale.ROOT, "Spark %s on %s, %d task slot(s)", context.version(), master(), slots());
    }

    @Override
    public void close() {
        context.stop();
    }
}
