package org.dl4jworkbench.core.data.catalog;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Turns a downloaded file into what a dataset folder keeps: checks its checksum, gunzips or
 * unpacks it, and moves each result into place atomically, so a folder never holds a
 * half-written file under its real name. Also checks files already in place.
 */
final class Installer {

    /** The file is not the one the catalogue describes; the message says how it differs. */
    static final class WrongFileException extends Exception {
        WrongFileException(String message) {
            super(message);
        }
    }

    private final DownloadProgress progress;

    Installer(DownloadProgress progress) {
        this.progress = progress;
    }

    /** What {@link #keptFilesProblem} says where the kept files are not there at all. */
    static final String MISSING = "missing";

    /**
     * Null where {@code file}'s kept files are in {@code folder} and right; {@link #MISSING}
     * where one is absent; else what is wrong, naming the file. A plain or gunzipped file is
     * checked by its SHA-256; members of an archive only by size, their archive being gone.
     */
    String keptFilesProblem(RemoteFile file, Path folder) throws IOException {
        for (String kept : file.keptFiles()) {
            if (!Files.isRegularFile(folder.resolve(kept))) {
                return MISSING;
            }
        }
        if (file.unpack() == RemoteFile.Unpack.UNTAR_GZ) {
            for (var member : file.contents().entrySet()) {
                long size = Files.size(folder.resolve(member.getKey()));
                if (size != member.getValue()) {
                    return String.format("%s is %,d bytes, expected %,d", folder.resolve(member.getKey()), size,
                            member.getValue());
                }
            }
            return null;
        }
        Path kept = folder.resolve(file.keptFiles().get(0));
        progress.step("verifying " + kept);
        String actual = sha256(kept);
        return actual.equals(file.sha256()) ? null
                : kept + " is not the expected file: its SHA-256 is " + actual + ", expected " + file.sha256();
    }

    /**
     * Checks {@code downloaded} (a finished {@code .part}, or a file put in the folder by hand)
     * and installs what it holds into {@code folder}. Afterwards {@code downloaded} is gone,
     * except where it is itself the kept file.
     *
     * @throws WrongFileException where it is not the right file; nothing is installed then and
     *                            {@code downloaded} is left for the caller to delete
     */
    void install(RemoteFile file, Path downloaded, Path folder) throws IOException, WrongFileException {
        switch (file.unpack()) {
            case NONE -> {
                checkSha256(file, downloaded);
                Path kept = folder.resolve(file.name());
                if (!downloaded.equals(kept)) { // a file put there by hand is already in place
                    moveIntoPlace(downloaded, kept);
                }
            }
            case GUNZIP -> gunzip(file, downloaded, folder);
            case UNTAR_GZ -> {
                checkSha256(file, downloaded);
                untar(file, downloaded, folder);
                Files.delete(downloaded); // 170 MB for CIFAR-10; its members are what is used
            }
            default -> throw new IllegalStateException(file.unpack().name());
        }
    }

    private void checkSha256(RemoteFile file, Path downloaded) throws IOException, WrongFileException {
        progress.step("verifying " + file.name());
        String actual = sha256(downloaded);
        if (!actual.equals(file.sha256())) {
            throw new WrongFileException("its SHA-256 is " + actual + ", expected " + file.sha256());
        }
    }

    private void gunzip(RemoteFile file, Path downloaded, Path folder) throws IOException, WrongFileException {
        progress.step("unpacking and verifying " + file.name());
        Path kept = folder.resolve(file.keptFiles().get(0));
        Path tmp = partOf(kept);
        MessageDigest digest = sha256Digest();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(downloaded), 1 << 16);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
            in.transferTo(out);
        } catch (ZipException | EOFException e) {
            Files.deleteIfExists(tmp);
            throw new WrongFileException("it is not a complete gzip file (" + e.getMessage() + ")");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(file.sha256())) {
            Files.deleteIfExists(tmp);
            throw new WrongFileException("the SHA-256 of its gunzipped content is " + actual + ", expected "
                    + file.sha256());
        }
        moveIntoPlace(tmp, kept);
        Files.delete(downloaded);
    }

    /** Unpacks every regular file of the archive beside its target as .part, checks, then moves all into place. */
    private void untar(RemoteFile file, Path archive, Path folder) throws IOException, WrongFileException {
        progress.step("unpacking " + file.name());
        Path root = folder.toAbsolutePath().normalize();
        Map<String, Path> unpacked = new LinkedHashMap<>();
        try {
            try (var tar = new TarArchiveInputStream(new GZIPInputStream(
                    new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16))) {
                TarArchiveEntry member;
                while ((member = tar.getNextTarEntry()) != null) {
                    if (!member.isFile()) {
                        continue;
                    }
                    Path target = root.resolve(member.getName()).normalize();
                    if (!target.startsWith(root) || target.equals(root)) {
                        throw new WrongFileException("it holds a file outside its folder: " + member.getName());
                    }
                    Files.createDirectories(target.getParent());
                    Path tmp = partOf(target);
                    Files.copy(tar, tmp, StandardCopyOption.REPLACE_EXISTING);
                    unpacked.put(root.relativize(target).toString().replace('\\', '/'), tmp);
                }
            } catch (ZipException | EOFException e) {
                throw new WrongFileException("it is not a complete .tar.gz file (" + e.getMessage() + ")");
            }
            for (var expected : file.contents().entrySet()) {
                Path tmp = unpacked.get(expected.getKey());
                if (tmp == null) {
                    throw new WrongFileException("it holds no " + expected.getKey());
                }
                if (Files.size(tmp) != expected.getValue()) {
                    throw new WrongFileException(String.format("its %s is %,d bytes, expected %,d", expected.getKey(),
                            Files.size(tmp), expected.getValue()));
                }
            }
        } catch (WrongFileException | IOException e) {
            for (Path tmp : unpacked.values()) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
        for (var entry : unpacked.entrySet()) {
            moveIntoPlace(entry.getValue(), root.resolve(entry.getKey()));
        }
    }

    static Path partOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) { // both lie in one folder, so this is rare
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
