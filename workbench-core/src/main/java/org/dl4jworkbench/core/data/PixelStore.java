package org.dl4jworkbench.core.data;

/**
 * Where a set's images live as unsigned bytes, each {@link #imageSize()} bytes in
 * channel-planar order: on the heap, or memory-mapped from the decode cache so that a
 * dataset larger than the heap can train. Thread-safe for reading.
 */
public interface PixelStore {

    /** Number of images. */
    int count();

    /** Bytes per image. */
    int imageSize();

    /** Copies image {@code index} into {@code dest} at {@code offset}. */
    void read(int index, byte[] dest, int offset);

    /** One unsigned byte (0..255) of image {@code index}. */
    int get(int index, int position);

    /** Images held in one heap array. */
    static PixelStore of(byte[] pixels, int imageSize) {
        return new ArrayPixelStore(pixels, imageSize);
    }
}
