package org.dl4jworkbench.core.keras;

import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;
import static org.bytedeco.hdf5.global.hdf5.H5Treclaim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * The little of the HDF5 C++ API the import reads itself. The HDF5 library is not
 * thread-safe; every call happens under {@link #LOCK}, which is DL4J's own
 * {@link Hdf5Archive#LOCK_OBJECT}, so our reads and DL4J's never interleave.
 */
final class Hdf5 {

    static final Object LOCK = Hdf5Archive.LOCK_OBJECT;

    private static boolean loaded;

    private Hdf5() {
    }

    /**
     * Loads the native library once and stops HDF5 printing its error stack to stderr (the
     * import turns failures into messages of its own).
     *
     * @throws KerasImportException where this platform has no HDF5 build (macOS arm64)
     */
    static void load() throws KerasImportException {
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            try {
                Loader.load(org.bytedeco.hdf5.global.hdf5.class);
                org.bytedeco.hdf5.Exception.dontPrint();
                loaded = true;
            } catch (LinkageError | RuntimeException e) {
                throw new KerasImportException("Keras import needs the HDF5 native library, which could not be loaded on "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (" + e.getMessage()
                        + "). HDF5 1.12.1 has builds for Linux x86-64 and arm64, Windows x86-64 and macOS x86-64; "
                        + "on another platform convert the model elsewhere or run the workbench on one of those.", e);
            }
        }
    }

    /**
     * A string attribute of a file or group, its elements joined by {@code separator}; empty
     * where there is none, or it is not a string. Keras 2 (through h5py) writes fixed-length
     * strings; variable-length ones are read too.
     */
    static Optional<String> stringAttribute(H5Object owner, String name, String separator) {
        synchronized (LOCK) {
            if (!owner.attrExists(name)) {
                return Optional.empty();
            }
            Attribute attribute = owner.openAttribute(name);
            try {
                if (attribute.getTypeClass() != H5T_STRING) {
                    return Optional.empty();
                }
                return Optional.of(String.join(separator, readStrings(attribute)));
            } finally {
                attribute.close();
            }
        }
    }

    private static List<String> readStrings(Attribute attribute) {
        StrType type = attribute.getStrType();
        DataSpace space = attribute.getSpace();
        try {
            int count = (int) space.getSimpleExtentNpoints();
            List<String> strings = new ArrayList<>(count);
            if (type.isVariableStr()) {
                PointerPointer<BytePointer> pointers = new PointerPointer<>(count);
                attribute.read(type, pointers);
                for (int i = 0; i < count; i++) {
                    BytePointer text = pointers.get(BytePointer.class, i);
                    strings.add(text == null || text.isNull() ? "" : text.getString(StandardCharsets.UTF_8));
                }
                H5Treclaim(type.getId(), space.getId(), H5P_DEFAULT(), pointers);
                pointers.close();
            } else {
                int size = (int) type.getSize();
                byte[] bytes = new byte[count * size];
                try (BytePointer buffer = new BytePointer(bytes.length)) {
                    attribute.read(type, buffer);
                    buffer.get(bytes);
                }
                for (int i = 0; i < count; i++) {
                    int end = i * size;
                    while (end < (i + 1) * size && bytes[end] != 0) {
                        end++;
                    }
                    strings.add(new String(bytes, i * size, end - i * size, StandardCharsets.UTF_8).strip());
                }
            }
            return strings;
        } finally {
            space.close();
            type.close();
        }
    }
}
