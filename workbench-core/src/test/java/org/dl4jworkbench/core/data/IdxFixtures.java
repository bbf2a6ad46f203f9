package org.dl4jworkbench.core.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files in the exact MNIST format for tests. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    static byte[] idx(int type, int[] dims, byte[] data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    static byte[] images(int count, int rows, int cols) throws IOException {
        byte[] data = new byte[count * rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        return idx(0x08, new int[] {count, rows, cols}, data);
    }

    static byte[] labels(int... labels) throws IOException {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(0x08, new int[] {labels.length}, data);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    /** A complete IDX dataset folder: 6 training and 3 test images of 4x3, labels 0..2. */
    static Path dataset(Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(6, 4, 3));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(0, 1, 2, 0, 1, 2));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(3, 4, 3)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(2, 1, 0)));
        return dir;
    }
}
