package org.dl4jworkbench.core.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the cache folder ({@link WorkbenchDirs#cache()}) holds, and keeping it bounded: image
 * folders decoded to one size ({@code folders/*.wbc}, {@link FolderCache}) and the features a
 * frozen backbone computed for transfer learning ({@code features/*.bin}). Everything in it is
 * made again when missing. A file's modification time is its last use (opening a cache
 * touches it); after each new file, the least recently used ones are deleted until the folder
 * is within {@link #limit()} again ({@code WORKBENCH_CACHE_LIMIT}, default 10 GB).
 */
public final class CacheFolder {

    /** Environment variable (or system property {@code workbench.cache.limit}): e.g. 20G, 500M, bytes. */
    public static final String LIMIT_ENV = "WORKBENCH_CACHE_LIMIT";
    public static final String LIMIT_PROPERTY = "workbench.cache.limit";
    public static final long DEFAULT_LIMIT = 10_000_000_000L;
    /** Unfinished files younger than this may be a decode in progress in another process: left alone. */
    static final Duration UNFINISHED_GRACE = Duration.ofHours(1);
    private static final int FEATURES_MAGIC = 0x57424653; // FeatureSet's "WBFS"

    /** One cache file: kind (images, features, unfinished), what it holds, its size and last use. */
    public record Entry(Path file, String kind, String content, long bytes, Instant lastUsed) {
    }

    private CacheFolder() {
    }

    /** Every cache file under {@code dir}, the most recently used first. */
    public static List<Entry> list(Path dir) {
        List<Entry> entries = new ArrayList<>();
        for (String sub : List.of(FolderCache.FOLDERS, "features")) {
            Path folder = dir.resolve(sub);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Entry e = entry(file);
                    if (e != null) {
                        entries.add(e);
                    }
                }
            } catch (IOException e) {
                // an unreadable folder lists as empty
            }
        }
        entries.sort(Comparator.comparing(Entry::lastUsed).reversed());
        return entries;
    }

    /**
     * Deletes the entries last used before {@code now - olderThan} (every entry where
     * {@code olderThan} is null); unfinished files only once {@link #UNFINISHED_GRACE} old.
     *
     * @return the entries deleted
     */
    public static List<Entry> clear(Path dir, Duration olderThan, Instant now) {
        List<Entry> deleted = new ArrayList<>();
        for (Entry e : list(dir)) {
            boolean old = olderThan == null || e.lastUsed().isBefore(now.minus(olderThan));
            boolean settled = !e.kind().equals("unfinished") || e.lastUsed().isBefore(now.minus(UNFINISHED_GRACE));
            if (old && settled && delete(e.file())) {
                deleted.add(e);
            }
        }
        return deleted;
    }

    /**
     * Deletes the least recently used complete entries until the folder holds at most
     * {@code limit} bytes, never {@code keep} (the file just written).
     *
     * @return the entries deleted
     */
    public static List<Entry> evict(Path dir, long limit, Path keep) {
        List<Entry> entries = list(dir);
        long total = entries.stream().mapToLong(Entry::bytes).sum();
        List<Entry> deleted = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && total > limit; i--) {
            Entry e = entries.get(i);
            if (!e.kind().equals("unfinished") && !e.file().equals(keep) && delete(e.file())) {
                deleted.add(e);
                total -= e.bytes();
            }
        }
        return deleted;
    }

    /** Marks a cache file as used now, so the bound evicts it last. */
    public static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // read-only cache: it is evicted a little early, nothing worse
        }
    }

    /** The bound in bytes: {@link #LIMIT_ENV} where it is a valid size, else {@link #DEFAULT_LIMIT}. */
    public static long limit() {
        String setting = limitSetting();
        if (setting == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return parseSize(setting);
        } catch (IllegalArgumentException e) {
            return DEFAULT_LIMIT;
        }
    }

    /** The limit as set ({@code workbench.cache.limit}, else {@code WORKBENCH_CACHE_LIMIT}); null where unset. */
    public static String limitSetting() {
        String value = System.getProperty(LIMIT_PROPERTY, System.getenv(LIMIT_ENV));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * "20G", "500M", "1.5GB", "800k" (decimal units) or a number of bytes.
     *
     * @throws IllegalArgumentException naming what was expected where {@code text} is not a size
     */
    public static long parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = (long) Math.pow(1000, "KMGT".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            double value = Double.parseDouble(t);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return (long) (value * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; expected e.g. 20G, 500M or a number "
                    + "of bytes");
        }
    }

    private static Entry entry(Path file) {
        try {
            String name = file.getFileName().toString();
            long bytes = Files.size(file);
            Instant used = Files.getLastModifiedTime(file).toInstant();
            if (name.contains(".tmp-")) {
                return new Entry(file, "unfinished", "an unfinished file (a decode running now, or one stopped)",
                        bytes, used);
            }
            if (name.endsWith(".wbc")) {
                FolderCache.Header h = FolderCache.readHeader(file);
                String content = h == null ? "an unreadable or older image cache"
                        : String.format(Locale.ROOT, "%s: %,d images at %dx%dx%d", h.root(), h.labels().length,
                        h.height(), h.width(), h.channels());
                return new Entry(file, "images", content, bytes, used);
            }
            if (name.endsWith(".bin")) {
                return new Entry(file, "features", features(file), bytes, used);
            }
            return null; // not ours: left alone
        } catch (IOException e) {
            return null; // deleted meanwhile
        }
    }

    private static String features(Path file) {
        try (var in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() == FEATURES_MAGIC) {
                int images = in.readInt();
                int dimension = in.readInt();
                return String.format(Locale.ROOT, "transfer-learning features: %,d images x %,d values", images,
                        dimension);
            }
        } catch (IOException e) {
            // described as unreadable below
        }
        return "unreadable transfer-learning features";
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false; // in use (Windows) or read-only: kept
        }
    }
}
