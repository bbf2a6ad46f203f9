package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** Image-folder datasets: one subfolder of images per class (work in progress). */
public final class ImageFolders {

    private ImageFolders() {
    }

    public static Dataset open(Path dir, DatasetOptions options) throws IOException, InvalidDataException {
        throw new InvalidDataException(dir + ": image folders are not supported yet");
    }
}
