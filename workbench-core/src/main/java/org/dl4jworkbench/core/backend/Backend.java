package org.dl4jworkbench.core.backend;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.dl4jworkbench.core.train.OneDnnHelpers;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend this process computes on (CPU or CUDA), started on first use. Starting it
 * loads native libraries: where that fails (no GPU or driver for the CUDA build, a CPU the
 * binary was not built for) the exception says so instead of ND4J's class-initialisation error.
 * {@link #toString()} is the one description the command line ({@code Backend:}) and the
 * window (dashboard title, training settings) show: on the CPU it says whether convolutions
 * run on oneDNN and which native build was loaded, e.g. {@code CPU, oneDNN (onednn-avx512),
 * 2 threads} or {@code CPU, OpenBLAS only, 2 threads} (docs/decisions/0004).
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
                details = cpuDetails(String.valueOf(env.getOrDefault("blas.vendor", "BLAS")),
                        String.valueOf(env.getOrDefault("omp.threads", "?")), OneDnnHelpers.available(),
                        nativeBuild(), System.getProperty(OneDnnHelpers.PROPERTY, "true"));
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

    /**
     * What computes on the CPU: oneDNN (with the native build's name) where the loaded libnd4j
     * has it and {@code -Dworkbench.onednn} does not turn it off, else the BLAS library alone.
     *
     * @param build the native build's classifier suffix ({@code onednn-avx512}, {@code generic}), or null
     * @param mode  the value of {@link OneDnnHelpers#PROPERTY}
     */
    static String cpuDetails(String blasVendor, String threads, boolean oneDnnBuild, String build, String mode) {
        String compute;
        if (oneDnnBuild && !mode.equals("false")) {
            compute = "oneDNN" + (build == null ? "" : " (" + build + ")")
                    + (mode.equals("conv") ? " for convolutions only" : "");
        } else {
            String blas = blasVendor.equalsIgnoreCase("OPENBLAS") ? "OpenBLAS" : blasVendor;
            compute = blas + " only" + (oneDnnBuild ? " (oneDNN turned off by -D" + OneDnnHelpers.PROPERTY + "=false)"
                    : build == null ? "" : " (" + build + " build, without oneDNN)");
        }
        return compute + ", " + threads + (threads.equals("1") ? " thread" : " threads");
    }

    /**
     * The classifier suffix of the libnd4j JavaCPP loaded ({@code onednn-avx512} from
     * {@code .../linux-x86_64-onednn-avx512/libjnind4jcpu.so}; {@code generic} for the plain
     * build), or null where it cannot tell.
     */
    static String nativeBuild() {
        try {
            String platform = Loader.getPlatform();
            for (String path : Loader.getLoadedLibraries().values()) {
                if (path == null || !path.contains("jnind4j")) {
                    continue;
                }
                return buildOf(Path.of(path).getParent().getFileName().toString(), platform);
            }
        } catch (RuntimeException | LinkageError e) {
            // only the description loses the build's name
        }
        return null;
    }

    static String buildOf(String directory, String platform) {
        if (directory.equals(platform)) {
            return "generic";
        }
        return directory.startsWith(platform + "-") ? directory.substring(platform.length() + 1) : null;
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
        return name + ", " + details;
    }
}
