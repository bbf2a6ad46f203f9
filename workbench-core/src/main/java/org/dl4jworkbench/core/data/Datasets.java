package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a dataset from its SPEC as the command line and project files write it:
 * {@code mnist-mini} (embedded) or {@code idx:DIR}.
 */
public final class Datasets {

    public static final String DEFAULT = IdxDatasets.MNIST_MINI;

    private Datasets() {
    }

    public static Dataset open(String spec) throws IOException, InvalidDataException {
        if (spec.equals(IdxDatasets.MNIST_MINI)) {
            return IdxDatasets.mnistMini();
        }
        if (spec.startsWith("idx:")) {
            return IdxDatasets.open(Path.of(spec.substring(4)));
        }
        throw new InvalidDataException("unknown dataset '" + spec + "'; use " + IdxDatasets.MNIST_MINI
                + " (the embedded MNIST subset) or idx:DIR (a folder of MNIST-format IDX files)");
    }
}
