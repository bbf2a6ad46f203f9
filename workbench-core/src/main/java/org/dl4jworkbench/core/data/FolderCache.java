package org.dl4jworkbench.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.dl4jworkbench.core.util.Json;

/**
 * The decode cache of an image folder: every file decoded once to the network's input size
 * and stored as raw bytes, so the next open only lists the folder and maps the file. The
 * cache file's name holds a fingerprint of the folder's files (names, sizes, modification
 * times) and the image size: any change to either makes a new cache, and the stale one is
 * deleted. Layout: 8-byte magic, 8-byte header offset, pixels from {@link #PIXELS_OFFSET}
 * (one slot per listed file, in listing order), then the header as JSON.
 */
final class FolderCache {

    static final int FORMAT = 2;
    /** The subfolder of the cache folder that holds these files. */
    static final String FOLDERS = "folders";
    static final long PIXELS_OFFSET = 4096;
    private static final byte[] MAGIC = "WBCACHE\0".getBytes(StandardCharsets.US_ASCII);

    /** What a cache file records besides pixels. {@code labels[slot]} is -1 for a skipped file. */
    record Header(int format, String root, int height, int width, int channels, List<String> classNames,
                  int[] labels, boolean[] test, List<SkippedFile> skipped, int minHeight, int maxHeight,
                  int minWidth, int maxWidth, int sourceChannels) {
    }

    private FolderCache() {
    }

    /** The cache file for this listing at this image size (it may not exist yet). */
    static Path file(Path cacheDir, FolderListing listing, int height, int width, int channels) {
        String[] keys = keys(listing);
        return cacheDir.resolve(FOLDERS).resolve(keys[0] + "-" + height + "x" + width + "x" + channels + "-"
                + keys[1] + ".wbc");
    }

    /** The headers of the complete caches of this listing, at whatever size each was decoded. */
    static List<Header> headersOfAnySize(Path cacheDir, FolderListing listing) {
        String[] keys = keys(listing);
        List<Header> headers = new java.util.ArrayList<>();
        Path dir = cacheDir.resolve(FOLDERS);
        if (!Files.isDirectory(dir)) {
            return headers;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, keys[0] + "-*-" + keys[1] + ".wbc")) {
            for (Path file : files) {
                Header header = readHeader(file);
                if (header != null) {
                    headers.add(header);
                }
            }
        } catch (IOException e) {
            // then the sizes are probed from the files
        }
        return headers;
    }

    /** The folder's key (its absolute path) and its content's key (names, sizes, times of its files). */
    private static String[] keys(FolderListing listing) {
        String dirKey = sha256(listing.root().toAbsolutePath().normalize().toString()).substring(0, 16);
        var content = new StringBuilder().append(FORMAT).append('\n').append(listing.classNames()).append('\n');
        for (FolderListing.Entry e : listing.files()) {
            content.append(e.relative()).append('\t').append(e.size()).append('\t').append(e.modified())
                    .append('\t').append(e.test()).append('\n');
        }
        for (SkippedFile s : listing.skipped()) {
            content.append(s).append('\n');
        }
        return new String[] {dirKey, sha256(content.toString()).substring(0, 16)};
    }

    /** Reads the header of a complete cache file; null where it is missing, partial or of another format. */
    static Header readHeader(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(16);
            channel.read(head, 0);
            head.flip();
            byte[] magic = new byte[8];
            head.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return null;
            }
            long offset = head.getLong();
            long length = channel.size() - offset;
            if (offset < PIXELS_OFFSET || length <= 0 || length > Integer.MAX_VALUE) {
                return null;
            }
            ByteBuffer json = ByteBuffer.allocate((int) length);
            channel.read(json, offset);
            Header header = Json.mapper().readValue(json.array(), Header.class);
            return header.format() == FORMAT ? header : null;
        } catch (IOException e) {
            return null; // absent or damaged: decode again
        }
    }

    /** Opens the file for writing pixel slots; {@link #finish} adds the header and moves it into place. */
    static FileChannel create(Path temporary) throws IOException {
        Files.createDirectories(temporary.getParent());
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
        channel.write(ByteBuffer.wrap(MAGIC), 0);
        return channel;
    }

    static void writeSlot(FileChannel channel, int slot, byte[] pixels) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(pixels);
        long position = PIXELS_OFFSET + (long) slot * pixels.length;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    static void finish(FileChannel channel, Path temporary, Path target, Header header, int slots, int imageSize)
            throws IOException {
        long offset = PIXELS_OFFSET + (long) slots * imageSize;
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cache header", e);
        }
        channel.write(ByteBuffer.wrap(json), offset);
        channel.write(ByteBuffer.allocate(8).putLong(0, offset), 8);
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteStale(target);
    }

    /** Removes older caches of the same folder and image size. */
    private static void deleteStale(Path current) {
        String name = current.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        try (DirectoryStream<Path> others = Files.newDirectoryStream(current.getParent(), prefix + "*.wbc")) {
            for (Path other : others) {
                if (!other.equals(current)) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            // A stale cache only costs disk space; it is never read again.
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
