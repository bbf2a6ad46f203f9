package org.dl4jworkbench.core.data.catalog;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One file of a catalogue entry as servers offer it: its name, where to get it (the official
 * location first, then mirrors; none where the workbench knows of no place that serves this
 * very file, so that it can only be put in place by hand), about how many bytes it is, and the
 * SHA-256 that proves it is the right file. {@code unpack} says what is kept in the dataset folder and so what the
 * checksum is of:
 * <ul>
 * <li>{@link Unpack#NONE}: the file as downloaded; the checksum is of it.
 * <li>{@link Unpack#GUNZIP}: its gunzipped content, under the name without {@code .gz}; the
 *     checksum is of that content, because mirrors may gzip the same data differently.
 * <li>{@link Unpack#UNTAR_GZ}: the members of a {@code .tar.gz}; the checksum is of the archive,
 *     and after unpacking the members in {@code contents} must have the sizes given there.
 * </ul>
 */
public record RemoteFile(String name, List<URI> urls, long size, String sha256, Unpack unpack,
                         Map<String, Long> contents) {

    /** What becomes of the file once downloaded and checked. */
    public enum Unpack {
        NONE, GUNZIP, UNTAR_GZ
    }

    public RemoteFile {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a plain file name is expected, not '" + name + "'");
        }
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(name + ": a SHA-256 is 64 hex digits, not '" + sha256 + "'");
        }
        if (unpack == Unpack.GUNZIP && !name.endsWith(".gz")) {
            throw new IllegalArgumentException(name + ": only a .gz file can be gunzipped");
        }
        if ((unpack == Unpack.UNTAR_GZ) == contents.isEmpty()) {
            throw new IllegalArgumentException(name + ": the members to check are given for a .tar.gz, and only then");
        }
        urls = List.copyOf(urls);
        sha256 = sha256.toLowerCase(Locale.ROOT);
        contents = java.util.Collections.unmodifiableMap(new TreeMap<>(contents));
    }

    /** A file kept as it is downloaded. */
    public static RemoteFile plain(String name, List<URI> urls, long size, String sha256) {
        return new RemoteFile(name, urls, size, sha256, Unpack.NONE, Map.of());
    }

    /** A {@code .gz} file kept gunzipped; {@code contentSha256} is of the gunzipped content. */
    public static RemoteFile gzipped(String name, List<URI> urls, long size, String contentSha256) {
        return new RemoteFile(name, urls, size, contentSha256, Unpack.GUNZIP, Map.of());
    }

    /** A {@code .tar.gz} unpacked into the dataset folder; {@code contents} maps member paths to their sizes. */
    public static RemoteFile tarGz(String name, List<URI> urls, long size, String sha256, Map<String, Long> contents) {
        return new RemoteFile(name, urls, size, sha256, Unpack.UNTAR_GZ, contents);
    }

    /** The files this leaves in the dataset folder once installed, relative to it. */
    public List<String> keptFiles() {
        return switch (unpack) {
            case NONE -> List.of(name);
            case GUNZIP -> List.of(name.substring(0, name.length() - ".gz".length()));
            case UNTAR_GZ -> List.copyOf(contents.keySet());
        };
    }

    /**
     * The file as a user installing it by hand must find it: "model.h5 (10,659,272 bytes, SHA-256
     * 3f4c...)". A gzipped file's size is about that of the download, and its checksum is of the content.
     */
    public String describeForHand() {
        return unpack == Unpack.GUNZIP
                ? String.format(Locale.ROOT, "%s (about %,d bytes; SHA-256 of its gunzipped content %s)", name, size,
                        sha256)
                : String.format(Locale.ROOT, "%s (%,d bytes, SHA-256 %s)", name, size, sha256);
    }

    /** The same file at other locations (tests point it at a local server). */
    public RemoteFile withUrls(List<URI> newUrls) {
        return new RemoteFile(name, newUrls, size, sha256, unpack, contents);
    }
}
