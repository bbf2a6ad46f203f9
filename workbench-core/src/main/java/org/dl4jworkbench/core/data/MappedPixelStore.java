package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Images memory-mapped read-only from a file: the operating system pages them in as they
 * are used, so a dataset larger than the Java heap trains without running out of memory.
 * Mapped in chunks of whole images below 1 GB, as one mapping cannot exceed 2 GB.
 */
final class MappedPixelStore implements PixelStore {

    private static final long CHUNK_BYTES = 1L << 30;

    private final MappedByteBuffer[] chunks;
    private final int imagesPerChunk;
    private final int imageSize;
    private final int count;

    MappedPixelStore(Path file, long offset, int count, int imageSize) throws IOException {
        this.count = count;
        this.imageSize = imageSize;
        this.imagesPerChunk = (int) Math.max(1, CHUNK_BYTES / imageSize);
        int chunkCount = (count + imagesPerChunk - 1) / imagesPerChunk;
        this.chunks = new MappedByteBuffer[chunkCount];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < chunkCount; i++) {
                long first = (long) i * imagesPerChunk;
                long images = Math.min(imagesPerChunk, count - first);
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, offset + first * imageSize, images * imageSize);
            }
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int imageSize() {
        return imageSize;
    }

    @Override
    public void read(int index, byte[] dest, int offset) {
        chunks[index / imagesPerChunk].get((index % imagesPerChunk) * imageSize, dest, offset, imageSize);
    }

    @Override
    public int get(int index, int position) {
        return chunks[index / imagesPerChunk].get((index % imagesPerChunk) * imageSize + position) & 0xff;
    }
}
