package org.dl4jworkbench.core.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.options.ArrayOptionsHelper;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads an array entry ({@code coefficients.bin}, {@code updaterState.bin}) written by
 * {@code Nd4j.write}, after checking its header against what the configuration implies.
 * {@code Nd4j.read} trusts the header: it would allocate whatever length the file declares,
 * and build a view from whatever shape and strides it holds (reading outside the buffer).
 * So the header must describe exactly a dense vector of the expected length and type, and
 * the entry must end exactly where that vector ends.
 *
 * <p>The format (ND4J 1.0.0-M2): the shape buffer ({@code writeUTF("MIXED_DATA_TYPES")},
 * {@code writeLong(n)}, {@code writeUTF("LONG")}, n longs: rank, shape, strides, extras,
 * element-wise stride, order), then the data buffer (the same three header fields, then the
 * values big-endian).
 */
final class NdArrayEntry {

    private static final String ALLOCATION_MODE = "MIXED_DATA_TYPES";
    /** Covers both headers of a rank-2 array: about 150 bytes. */
    private static final int MAX_HEADER_BYTES = 1024;
    /** The longest name a header holds ("MIXED_DATA_TYPES"); a longer one is read no further. */
    private static final int MAX_NAME_BYTES = 32;

    private NdArrayEntry() {
    }

    /** The largest entry a vector of {@code length} values of {@code type} can be. */
    static long maxEntryBytes(long length, DataType type) {
        return MAX_HEADER_BYTES + length * type.width();
    }

    static INDArray read(ZipFile zip, ZipEntry entry, long length, DataType type, Path file)
            throws InvalidModelException {
        String where = file + " (" + entry.getName() + ")";
        if (entry.getSize() > maxEntryBytes(length, type)) {
            checkHeaderAlone(zip, entry, length, type, where); // a DOUBLE array is refused as such, not as too large
        }
        try (InputStream raw = ModelZipScreen.open(zip, entry, maxEntryBytes(length, type), file);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(MAX_HEADER_BYTES);
            long headerBytes = checkHeader(new DataInputStream(in), length, type, where);
            in.reset();
            long expectedBytes = headerBytes + length * type.width();
            if (entry.getSize() >= 0 && entry.getSize() != expectedBytes) {
                throw new InvalidModelException("damaged model file " + where + ": the zip says it holds "
                        + entry.getSize() + " bytes, its header describes " + expectedBytes + ". Copy the file "
                        + "again, or train the model again");
            }
            INDArray array = Nd4j.read(new DataInputStream(in));
            if (in.read() != -1) {
                throw new InvalidModelException("damaged model file " + where + ": it goes on after the "
                        + length + " values its header describes. Copy the file again, or train the model again");
            }
            return array;
        } catch (InvalidModelException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ModelZipScreen.damaged(file, entry, e);
        }
    }

    /**
     * Checks the headers of an entry larger than its limit, reading no more than they take:
     * where they describe another value type or length, that is the message; where they are
     * right, the size limit refuses the entry next.
     */
    private static void checkHeaderAlone(ZipFile zip, ZipEntry entry, long length, DataType type, String where)
            throws InvalidModelException {
        byte[] header;
        try (InputStream in = zip.getInputStream(entry)) {
            header = in.readNBytes(MAX_HEADER_BYTES);
        } catch (IOException | RuntimeException e) {
            return; // the read that follows reports it
        }
        try {
            checkHeader(new DataInputStream(new java.io.ByteArrayInputStream(header)), length, type, where);
        } catch (IOException e) {
            // a header cut short: the read that follows reports the entry
        }
    }

    /** Checks both headers and returns their size in bytes. */
    private static long checkHeader(DataInputStream in, long length, DataType type, String where)
            throws IOException, InvalidModelException {
        long bytes = 0;
        bytes += expectUtf(in, ALLOCATION_MODE, "allocation mode", where);
        long shapeLength = in.readLong();
        bytes += 8;
        if (shapeLength != 6 && shapeLength != 8) {
            throw unexpected(where, "a shape record of 6 or 8 values (a rank 1 or 2 array)", shapeLength + " values");
        }
        bytes += expectUtf(in, DataType.LONG.name(), "shape type", where);
        long[] shape = new long[(int) shapeLength];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
        }
        bytes += 8L * shape.length;
        checkShape(shape, length, type, where);
        bytes += expectUtf(in, ALLOCATION_MODE, "allocation mode", where);
        long dataLength = in.readLong();
        bytes += 8;
        if (dataLength != length) {
            throw unexpected(where, length + " values, as the configuration implies", dataLength + " values");
        }
        bytes += expectUtf(in, type.name(), "value type", where);
        return bytes;
    }

    /**
     * Rank 1 {@code [n]} or rank 2 {@code [1, n]}/{@code [n, 1]}, contiguous ('c' or 'f'
     * strides), element-wise stride 1, and no option bits but the data type's.
     */
    private static void checkShape(long[] s, long length, DataType type, String where) throws InvalidModelException {
        if ((s[0] != 1 && s[0] != 2) || s.length != 2 * s[0] + 4) {
            throw unexpected(where, "a rank 1 or 2 vector", "rank " + s[0]);
        }
        int rank = (int) s[0];
        long count = 1;
        for (int i = 1; i <= rank; i++) {
            if (s[i] < 1) {
                throw unexpected(where, "positive dimensions", "dimension " + s[i]);
            }
            count = s[i] > length ? length + 1 : count * s[i];
        }
        if (count != length) {
            throw unexpected(where, length + " values, as the configuration implies",
                    "shape " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(s, 1, rank + 1)));
        }
        char order = (char) s[2 * rank + 3];
        boolean contiguous = rank == 1 ? s[2] == 1
                : order == 'c' ? s[3] == s[2] && s[4] == 1 : s[3] == 1 && s[4] == s[1];
        if (!contiguous || (order != 'c' && order != 'f') || s[2 * rank + 2] != 1) {
            throw unexpected(where, "a dense vector", "strides or order that describe a view");
        }
        long extras = s[2 * rank + 1];
        if (extras != ArrayOptionsHelper.setOptionBit(0L, type)) {
            for (DataType other : java.util.List.of(DataType.DOUBLE, DataType.HALF, DataType.BFLOAT16, DataType.FLOAT,
                    DataType.INT, DataType.LONG)) {
                if (extras == ArrayOptionsHelper.setOptionBit(0L, other)) {
                    throw unexpected(where, type + " values (the workbench saves " + type + ")", other + " values");
                }
            }
            throw unexpected(where, "plain " + type + " values", "array options " + extras);
        }
    }

    private static int expectUtf(DataInputStream in, String expected, String what, String where)
            throws IOException, InvalidModelException {
        int length = in.readUnsignedShort();
        if (length > MAX_NAME_BYTES) {
            throw unexpected(where, what + " " + expected, "a " + length + "-byte string");
        }
        byte[] bytes = in.readNBytes(length);
        String found = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        if (!found.equals(expected)) {
            throw unexpected(where, what + " " + expected, what + " '" + found.replaceAll("[^ -~]", "?") + "'");
        }
        return 2 + length;
    }

    private static InvalidModelException unexpected(String where, String expected, String found) {
        return new InvalidModelException("damaged model file " + where + ": expected " + expected + ", found "
                + found + ". Copy the file again, or train the model again");
    }
}
