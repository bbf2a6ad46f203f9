package org.dl4jworkbench.core.sweep;

import java.io.IOException;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts trials in Java processes like this one: the same {@code java}, the same class path
 * (the module path joined to it: a trial needs no JavaFX module), this JVM's own options
 * (heap size, native access; debugger and profiler agents left out), through
 * {@link TrialMain} so a trial ends with the sweep. ND4J's OpenMP pool and the BLAS libraries
 * get {@code threads} threads each, so trials in parallel share the cores instead of each
 * taking all of them.
 */
public final class ChildJvm implements TrialLauncher {

    private final String mainClass;
    private final int threads;
    private final Path directory;

    /** @param mainClass the workbench's main class, whose {@code main("train", ...)} trains */
    public ChildJvm(String mainClass, int threads) {
        this(mainClass, threads, null);
    }

    private ChildJvm(String mainClass, int threads, Path directory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per trial must be at least 1, not " + threads);
        }
        this.mainClass = mainClass;
        this.threads = threads;
        this.directory = directory;
    }

    /**
     * The same launcher starting trials in {@code directory} (relative paths in their arguments
     * resolve there) instead of this process's working folder: a cluster worker's is not the
     * sweep's.
     */
    public ChildJvm in(Path directory) {
        return new ChildJvm(mainClass, threads, directory);
    }

    public int threads() {
        return threads;
    }

    /** The memory a trial's process takes, about: LeNet's peaks at 1.0 to 1.1 GB resident. */
    static final long MEMORY_PER_TRIAL = 1536L << 20;

    /**
     * How many trials run at once on this machine with {@code threadsPerTrial} threads each:
     * its cores shared out, and no more processes than its memory holds.
     */
    public static int parallelTrials(int cores, int threadsPerTrial) {
        long memory = Long.MAX_VALUE;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return parallelTrials(cores, threadsPerTrial, memory);
    }

    static int parallelTrials(int cores, int threadsPerTrial, long memoryBytes) {
        long byMemory = Math.max(1, memoryBytes / MEMORY_PER_TRIAL);
        return (int) Math.max(1, Math.min(cores / threadsPerTrial, byMemory));
    }

    @Override
    public Process start(List<String> arguments, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        var pb = new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        for (String name : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(name, String.valueOf(threads));
        }
        return pb.start();
    }

    List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (kept(option)) {
                command.add(option);
            }
        }
        String classPath = System.getProperty("java.class.path");
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            classPath = classPath + File.pathSeparator + modulePath;
        }
        command.add("-cp");
        command.add(classPath);
        command.add(TrialMain.class.getName());
        command.add(String.valueOf(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.add("train");
        command.addAll(arguments);
        return command;
    }

    /** This JVM's options a trial shares: not agents, debuggers, or module options (no module path there). */
    private static boolean kept(String option) {
        return (option.startsWith("-X") || option.startsWith("-D") || option.startsWith("--enable-native-access")
                || option.startsWith("--sun-misc-unsafe-memory-access") || option.startsWith("--add-opens")
                || option.startsWith("--add-exports"))
                && !option.startsWith("-Xdebug") && !option.startsWith("-Xrunjdwp") && !option.startsWith("-Xrs")
                && !option.startsWith("-Djdk.module") && !option.startsWith("-Djava.class.path");
    }
}
