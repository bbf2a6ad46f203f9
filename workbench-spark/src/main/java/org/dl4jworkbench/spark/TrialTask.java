package org.dl4jworkbench.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.sweep.ChildJvm;

/**
 * One sweep trial as a Spark task: on the executor that runs it, the workbench's {@code train}
 * in a process of its own (the same engine as a sweep on one computer), its output appended
 * to the trial's log and its run folder written where the sweep's folder is (shared storage on
 * a cluster of several machines). A cancelled task ends that process. Returns its exit code.
 */
record TrialTask(String mainClass, int threads, List<String> arguments, String log, String directory)
        implements Serializable {

    int run() throws Exception {
        var jvm = new ChildJvm(mainClass, threads);
        Path dir = directory == null ? null : Path.of(directory);
        if (dir != null && Files.isDirectory(dir)) { // relative paths of the sweep resolve where it started
            jvm = jvm.in(dir);
        }
        Process process = jvm.start(arguments, Path.of(log));
        try {
            return process.waitFor();
        } catch (InterruptedException e) { // the job was cancelled: the sweep stopped
            process.destroyForcibly();
            throw e;
        }
    }
}
