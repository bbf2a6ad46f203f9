package org.dl4jworkbench.spark;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark job seen as a {@link Process}, which is what a sweep waits on and stops: it ends
 * with the job, its exit value is the job's, and destroying it cancels the job's group (Spark
 * interrupts its tasks). A job that fails (an executor lost too often, a task that threw)
 * ends with exit value 1, after its message is handed to {@code failed}.
 */
final class SparkJobProcess extends Process {

    private final JavaSparkContext spark;
    private final String group;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    SparkJobProcess(JavaSparkContext spark, String group, String description, Callable<Integer> job,
                    java.util.function.Consumer<String> failed) {
        this.spark = spark;
        this.group = group;
        Thread thread = new Thread(() -> {
            spark.setJobGroup(group, description, true); // a job group belongs to the thread that submits
            try {
                exit.complete(job.call());
            } catch (Exception | Error e) {
                if (!exit.isDone()) {
                    failed.accept(e.getMessage() == null ? e.toString() : e.getMessage());
                }
                exit.complete(1);
            } finally {
                spark.clearJobGroup();
            }
        }, "spark-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return 1;
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public int exitValue() {
        Integer value = exit.getNow(null);
        if (value == null) {
            throw new IllegalThreadStateException("the Spark job " + group + " has not ended");
        }
        return value;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public void destroy() {
        spark.cancelJobGroup(group);
        exit.complete(137); // as a killed process: the sweep treats it as stopped
    }

    @Override
    public Process destroyForcibly() {
        destroy();
        return this;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }
}
