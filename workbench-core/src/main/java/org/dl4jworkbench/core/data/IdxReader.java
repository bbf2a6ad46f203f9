package org.dl4jworkbench.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST (and Fashion-MNIST, EMNIST, KMNIST, ...): a 4-byte magic
 * number {@code 0x00 0x00 TYPE DIMS}, DIMS big-endian 32-bit sizes, then the data. Raw or
 * gzip (detected by content, not by name). Only unsigned bytes (type 0x08) are images.
 */
public final class IdxReader {

    static final int UNSIGNED_BYTE = 0x08;
    /** Upper bound on one file's data, so a corrupt header cannot ask for a huge allocation. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /** The sizes and bytes of one IDX file. {@code dims[0]} is the number of records. */
    public record IdxData(int[] dims, byte[] data) {

        public int count() {
            return dims[0];
        }

        public int recordSize() {
            int size = 1;
            for (int i = 1; i < dims.length; i++) {
                size *= dims[i];
            }
            return size;
        }
    }

    private IdxReader() {
    }

    public static IdxData read(Path file) throws IOException, InvalidDataException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file + ": file not found", e);
        }
    }

    /**
     * @param source names the data in messages, e.g. its path
     */
    public static IdxData read(InputStream raw, String source) throws IOException, InvalidDataException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (gzip) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (ZipException | EOFException e) {
                throw new InvalidDataException(source + ": damaged gzip file (" + e.getMessage() + "). "
                        + "Download it again.", e);
            }
        }
        try {
            return readIdx(new DataInputStream(in), source);
        } catch (ZipException e) {
            throw new InvalidDataException(source + ": damaged gzip file (" + e.getMessage() + "). "
                    + "Download it again.", e);
        } catch (EOFException e) {
            throw new InvalidDataException(source + ": the file is truncated" + (gzip ? " (gzip stream ends early)" : "")
                    + ". Download it again.", e);
        }
    }

    private static IdxData readIdx(DataInputStream in, String source) throws IOException, InvalidDataException {
        int magic = in.readInt();
        int zeros = magic >>> 16;
        int type = (magic >>> 8) & 0xff;
        int dimCount = magic & 0xff;
        if (zeros != 0 || dimCount < 1 || dimCount > 4) {
            throw new InvalidDataException(String.format("%s: not an IDX file: the magic number is 0x%08X, expected "
                    + "0x00000801 (labels) or 0x00000803 (images). Is this an MNIST-format file?", source, magic));
        }
        if (type != UNSIGNED_BYTE) {
            throw new InvalidDataException(String.format("%s: IDX data type 0x%02X is not supported; images and "
                    + "labels must be unsigned bytes (0x08)", source, type));
        }
        int[] dims = new int[dimCount];
        long total = 1;
        for (int i = 0; i < dimCount; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw new InvalidDataException(source + ": invalid size " + Integer.toUnsignedString(dims[i])
                        + " in the IDX header (dimension " + (i + 1) + " of " + dimCount + ")");
            }
            total *= dims[i];
            if (total > MAX_BYTES) {
                throw new InvalidDataException(source + ": the IDX header declares more than 2 GB of data; "
                        + "the file is damaged or not an image dataset");
            }
        }
        byte[] data = new byte[(int) total];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new InvalidDataException(String.format("%s: the file is truncated: its header declares %d records "
                    + "(%d bytes of data) but only %d bytes follow. Download it again.", source, dims[0], total, read));
        }
        if (in.read() >= 0) {
            throw new InvalidDataException(String.format("%s: there is data after the %d records its header "
                    + "declares; the file is damaged or its header is wrong", source, dims[0]));
        }
        return new IdxData(dims, data);
    }
}
