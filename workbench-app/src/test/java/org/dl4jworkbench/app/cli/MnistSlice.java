package org.dl4jworkbench.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The first images of the embedded mnist-mini (real MNIST digits) as an IDX folder, for
 * tests that train many small runs: the same format, fewer records.
 */
public final class MnistSlice {

    private MnistSlice() {
    }

    /** An {@code idx:} folder with the first {@code train} training and {@code test} test images. */
    public static Path write(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        copy("train-images-idx3-ubyte", train, 28 * 28, dir);
        copy("train-labels-idx1-ubyte", train, 1, dir);
        copy("t10k-images-idx3-ubyte", test, 28 * 28, dir);
        copy("t10k-labels-idx1-ubyte", test, 1, dir);
        return dir;
    }

    private static void copy(String name, int records, int recordBytes, Path dir) throws IOException {
        try (InputStream raw = MnistSlice.class.getResourceAsStream("/datasets/mnist-mini/" + name + ".gz")) {
            if (raw == null) {
                throw new IOException("mnist-mini's " + name + ".gz is not on the class path");
            }
            var in = new DataInputStream(new GZIPInputStream(raw));
            int magic = in.readInt();
            int dims = magic & 0xff;
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeInt(magic);
            in.readInt();
            out.writeInt(records);
            for (int d = 1; d < dims; d++) {
                out.writeInt(in.readInt());
            }
            out.write(in.readNBytes(records * recordBytes));
            Files.write(dir.resolve(name), bytes.toByteArray());
        }
    }
}
