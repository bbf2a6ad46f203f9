package org.dl4jworkbench.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests and benchmarks: a master and {@code n}
 * workers of one core each, each in a JVM of its own started from this JVM's java and class
 * path (as Spark's sbin scripts would from a Spark installation), logs in the folder given.
 */
final class LocalCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    private final String master;

    private LocalCluster(String master) {
        this.master = master;
    }

    String master() {
        return master;
    }

    List<Path> workDirs() {
        return workDirs;
    }

    static LocalCluster start(Path dir, int workers) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("spark-home").resolve("jars")); // where executors' jars would be
        int port = freePort();
        var cluster = new LocalCluster("spark://127.0.0.1:" + port);
        try {
            Path masterLog = dir.resolve("master.log");
            cluster.launch(dir, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(port), "--webui-port", String.valueOf(freePort()));
            await(masterLog, "Starting Spark master", 1);
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                cluster.workDirs.add(work);
                cluster.launch(dir, dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--webui-port",
                        String.valueOf(freePort()), "--work-dir", work.toString(), cluster.master);
            }
            await(masterLog, "Registering worker", workers);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void launch(Path dir, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        command.addAll(Cluster.JAVA_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.12"); // a Spark installation's launcher finds it itself
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the executors' java
        processes.add(pb.start());
    }

    /** Waits until {@code log} has {@code times} lines containing {@code text}. */
    private static void await(Path log, String text, int times) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(text)).count() >= times) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the cluster did not start: no " + times + " x '" + text + "' in " + log
                + " within 60 s:\n" + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the workers, then the master; their executors end with them. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
