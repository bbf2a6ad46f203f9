package org.dl4jworkbench.core.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.hdf5.H5File;

/**
 * The root of a Keras HDF5 file, read with the HDF5 API before DL4J sees the file: which
 * Keras wrote it and whether it holds an architecture ({@code model_config}) or weights only.
 *
 * @param modelWeightsGroup whether the file has the {@code model_weights} group of a full-model file
 */
record KerasFileHeader(Optional<String> kerasVersion, Optional<String> backend, Optional<String> modelConfig,
        boolean modelWeightsGroup) {

    /** @throws KerasImportException where the file is not HDF5 or HDF5 cannot open it (damaged, truncated) */
    static KerasFileHeader read(Path file) throws KerasImportException {
        Hdf5.load();
        String path = file.toAbsolutePath().toString();
        synchronized (Hdf5.LOCK) {
            if (!isHdf5(path)) {
                throw notHdf5(file);
            }
            H5File h5;
            try {
                h5 = new H5File(path, H5F_ACC_RDONLY());
            } catch (RuntimeException e) {
                throw damaged(file, e);
            }
            try {
                return new KerasFileHeader(Hdf5.stringAttribute(h5, "keras_version", ""),
                        Hdf5.stringAttribute(h5, "backend", ""), Hdf5.stringAttribute(h5, "model_config", ""),
                        h5.nameExists("model_weights"));
            } catch (RuntimeException e) {
                throw damaged(file, e);
            } finally {
                h5.close();
            }
        }
    }

    private static boolean isHdf5(String path) {
        try {
            return H5File.isHdf5(path);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static KerasImportException notHdf5(Path file) throws KerasImportException {
        byte[] start = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, 4);
        } catch (IOException e) {
            return new KerasImportException(file + " could not be read: " + e.getMessage() + ".", e);
        }
        if (read == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            return new KerasImportException(file + " is a zip archive, as Keras 3 saves .keras models; expected a Keras 2"
                    + " HDF5 file (.h5). DL4J imports Keras 1 and 2 models only: save the model with Keras 2"
                    + " (TensorFlow 2.15 or earlier, or tf_keras) as model.save(\"model.h5\").");
        }
        return new KerasImportException(file + " is not an HDF5 file (found " + (read == 0 ? "an empty file"
                : "no HDF5 signature") + "); expected a Keras 2 model saved as model.save(\"model.h5\"). "
                + "Check that the download finished and that this is the .h5 file, not a .keras, .pb or .json one.");
    }

    private static KerasImportException damaged(Path file, RuntimeException e) {
        return new KerasImportException(file + " is an HDF5 file that cannot be read (HDF5: " + KerasImport.shortMessage(e)
                + "); it is damaged or incomplete, e.g. truncated by a download that stopped. Download or save it again.", e);
    }
}
