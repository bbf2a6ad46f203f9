package org.dl4jworkbench.core.backend;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend this process computes on (CPU or CUDA), started on first use. Starting it
 * loads native libraries: where that fails (no GPU or driver for the CUDA build, a CPU the
 * binary was not built for) the exception says so instead of ND4J's class-initialisation error.
 */
public record Backend(String name, String details) {

    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** Starts ND4J where needed and describes the backend. */
    public static synchronized Backend load() throws BackendUnavailableException {
        boolean cuda = isCudaBuild();
        // ND4J prints the stack trace of a failed native load itself; keep it for the message instead.
        PrintStream stderr = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            String details;
            if (backend.contains("Cublas")) {
                details = String.valueOf(env.getOrDefault("cuda.devicesInformation", "CUDA"));
            } else {
                details = env.getOrDefault("blas.vendor", "BLAS") + ", " + env.getOrDefault("omp.threads", "?")
                        + " threads";
            }
            return new Backend(backend.contains("Cublas") ? "CUDA" : "CPU", details);
        } catch (Throwable e) { // ExceptionInInitializerError, NoClassDefFoundError, UnsatisfiedLinkError
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Error: "))
                    .findFirst().map(String::strip)
                    .orElse(root.getClass().getSimpleName() + ": " + root.getMessage());
            throw new BackendUnavailableException(cuda
                    ? "the CUDA backend could not start (" + why + "). It needs an NVIDIA GPU with a driver for "
                    + "CUDA 11.6 or newer. To train on the CPU instead, run without WORKBENCH_BACKEND=cuda."
                    : "the CPU backend could not start (" + why + "). The native ND4J library may not match this "
                    + "machine: rebuild with 'mvn -DskipTests package' (or -Dnd4j.platform=" + platformHint()
                    + ").", e);
        } finally {
            System.setErr(stderr);
        }
    }

    static boolean isCudaBuild() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, Backend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String platformHint() {
        Map<String, String> os = Map.of("Linux", "linux", "Mac OS X", "macosx");
        String name = os.getOrDefault(System.getProperty("os.name"), "windows");
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "x86_64";
        return name + "-" + arch;
    }

    @Override
    public String toString() {
        return name + " (" + details + ")";
    }
}
