package org.dl4jworkbench.core.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test suite finds the full MNIST (system property {@code workbench.mnist.dir}, set by the build). */
public final class MnistLocation {

    private MnistLocation() {
    }

    /** The folder, or an AssertionError that says how to get it: a test that needs MNIST fails without it. */
    public static Path fullMnist() {
        String dir = System.getProperty("workbench.mnist.dir", ".cache/mnist");
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve("train-images-idx3-ubyte"))) {
            throw new AssertionError("full MNIST not found in " + path.toAbsolutePath()
                    + "; run scripts/fetch-mnist.sh (mvn verify runs it before the tests)");
        }
        return path;
    }
}
