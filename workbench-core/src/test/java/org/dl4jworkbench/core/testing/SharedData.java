package org.dl4jworkbench.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real data the tests share with development: {@code ../shared/data} beside the repository
 * (CI has it too; see its README.md). A test that needs a file fails without it, never skips.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The folder, seen from a module directory (where surefire runs the tests). */
    public static Path dir() {
        return Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
    }

    /** A file of the shared data, or an AssertionError naming where it was looked for. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(name + " not found at " + file + "; the tests expect the shared data folder"
                    + " ../shared/data beside the repository (see its README.md)");
        }
        return file;
    }

    /** MobileNet v1 0.75 224 with ImageNet weights, a Keras 2 full-model HDF5 file. */
    public static Path mobileNet() {
        return file("mobilenet_v1_0.75_224_imagenet.h5");
    }
}
