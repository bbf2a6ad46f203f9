package org.dl4jworkbench.core.data.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.dl4jworkbench.core.data.InvalidDataException;

/**
 * Downloads a catalogue entry (a dataset into {@code DATA/NAME}, a network into
 * {@code DATA/models/ID}): each file from its first URL that
 * answers (official location, then mirrors) into {@code FILE.part}, resuming a part left by an
 * earlier try; verifies it; unpacks it; moves it into place; and finally marks the folder
 * verified. Files already in place, or put there by hand, are checked instead of fetched.
 * One download per folder at a time (a lock file).
 */
public final class Downloader {

    private static final String LOCK = ".lock";

    private final Path dataRoot;
    private final DownloadProgress progress;
    private final BooleanSupplier cancelled;
    private final Installer installer;
    private final Duration stallTimeout;

    /**
     * @param cancelled checked between chunks; once true the download stops with a
     *                  {@link CancellationException} and keeps its {@code .part} to resume
     */
    public Downloader(Path dataRoot, DownloadProgress progress, BooleanSupplier cancelled) {
        this(dataRoot, progress, cancelled, HttpTransfer.STALL_TIMEOUT);
    }

    Downloader(Path dataRoot, DownloadProgress progress, BooleanSupplier cancelled, Duration stallTimeout) {
        this.dataRoot = Objects.requireNonNull(dataRoot);
        this.progress = Objects.requireNonNullElse(progress, DownloadProgress.NONE);
        this.cancelled = Objects.requireNonNullElse(cancelled, () -> false);
        this.installer = new Installer(this.progress);
        this.stallTimeout = stallTimeout;
    }

    /** A downloader for files already on disk only: see {@link #installLocalFiles}. */
    Downloader(Path dataRoot) {
        this(dataRoot, null, null);
    }

    /**
     * Makes {@code entry} ready in its folder, downloading what is missing.
     *
     * @return the folder
     * @throws DownloadException    where no URL of a file could be reached (the message says
     *                              where to put which files by hand) or none gave the right file
     * @throws CancellationException where cancelled; what was fetched is kept to resume
     */
    public Path download(Downloadable entry) throws IOException, DownloadException {
        Path folder = Files.createDirectories(entry.folder(dataRoot));
        try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lock(lockFile, entry, folder)) {
            if (LocalCopy.isVerified(entry, folder)) {
                return folder;
            }
            var transfer = new HttpTransfer(progress, cancelled, stallTimeout);
            List<RemoteFile> files = entry.files();
            for (int i = 0; i < files.size(); i++) {
                RemoteFile file = files.get(i);
                boolean installed;
                try {
                    installed = installFromDisk(file, folder);
                } catch (WrongLocalFileException e) {
                    progress.step(e.getMessage() + "; downloading it again");
                    installed = false;
                }
                if (!installed) {
                    fetch(entry, file, folder, transfer, files.subList(i, files.size()));
                }
            }
            LocalCopy.markVerified(entry, folder);
        }
        return folder;
    }

    /**
     * Verifies and installs {@code entry}'s files from what is already in its folder, without
     * the network (files put there by hand, or a download that stopped before its last check).
     *
     * @return whether the entry is now verified; false where a file is missing
     * @throws InvalidDataException where a file there is not the right one; the message names it
     */
    public boolean installLocalFiles(Downloadable entry) throws IOException, InvalidDataException {
        Path folder = entry.folder(dataRoot);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lock(lockFile, entry, folder)) {
            for (RemoteFile file : entry.files()) {
                if (!installFromDisk(file, folder)) {
                    return false;
                }
            }
            LocalCopy.markVerified(entry, folder);
            return true;
        } catch (WrongLocalFileException e) {
            throw new InvalidDataException(e.getMessage() + ". Run " + entry.downloadCommand()
                    + ", or put a good copy there.");
        } catch (DownloadException e) {
            throw new InvalidDataException(e.getMessage());
        }
    }

    /** A file found in the dataset folder is not the right one; the message says which and how. */
    private static final class WrongLocalFileException extends IOException {
        WrongLocalFileException(String message) {
            super(message);
        }
    }

    /**
     * Installs {@code file} from what is in the folder: its kept files where they are right,
     * else the file as downloaded where it was put there by hand.
     *
     * @return false where it must be fetched
     * @throws WrongLocalFileException where what is there is not the right file
     */
    private boolean installFromDisk(RemoteFile file, Path folder) throws IOException {
        String problem = installer.keptFilesProblem(file, folder);
        if (problem == null) {
            return true;
        }
        Path placed = folder.resolve(file.name());
        if (Files.isRegularFile(placed)) {
            try {
                installer.install(file, placed, folder);
                return true;
            } catch (Installer.WrongFileException e) {
                Files.deleteIfExists(placed);
                throw new WrongLocalFileException(placed + " is not the expected file: " + e.getMessage()
                        + "; it was deleted");
            }
        }
        if (!problem.equals(Installer.MISSING)) {
            throw new WrongLocalFileException(problem);
        }
        return false;
    }

    private void fetch(Downloadable entry, RemoteFile file, Path folder, HttpTransfer transfer,
                       List<RemoteFile> remaining) throws IOException, DownloadException {
        if (file.urls().isEmpty()) {
            throw new DownloadException(byHandMessage(entry, file, folder));
        }
        Path part = folder.resolve(file.name() + ".part");
        List<String> failures = new ArrayList<>();
        boolean wrongFile = false;
        for (URI url : HttpTransfer.resumableFirst(file.urls(), part)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("download of " + entry.name() + " cancelled");
            }
            try {
                progress.step("fetching " + file.name() + " from " + url);
                transfer.fetch(url, part, file.name());
                installer.install(file, part, folder);
                HttpTransfer.discard(part);
                return;
            } catch (Installer.WrongFileException e) {
                HttpTransfer.discard(part);
                wrongFile = true;
                failures.add(url + ": " + e.getMessage() + "; the file was deleted");
            } catch (IOException e) {
                failures.add(url + ": " + HttpTransfer.describe(e));
            }
            progress.step("could not get " + file.name() + " from " + failures.get(failures.size() - 1));
        }
        throw new DownloadException(wrongFile ? wrongFileMessage(entry, file, failures)
                : unreachableMessage(entry, file, folder, remaining, failures));
    }

    private static String byHandMessage(Downloadable entry, RemoteFile file, Path folder) {
        return "the workbench knows no download location for " + file.name() + " of " + entry.kind() + " "
                + entry.name() + ". Put " + file.describeForHand() + " into " + folder + ", then run "
                + entry.downloadCommand() + " again: it checks the file and installs it without the network.";
    }

    private static String wrongFileMessage(Downloadable entry, RemoteFile file, List<String> failures) {
        String command = entry.downloadCommand();
        if (failures.size() == 1) {
            return file.name() + " from " + failures.get(0).replaceFirst(": ", " is not the expected file: ")
                    + ". Run " + command + " to try again; if the same happens, the server now sends a different file.";
        }
        return "could not download " + entry.name() + ": no server gave the right " + file.name() + ":\n  "
                + String.join("\n  ", failures) + "\nRun " + command + " to try again.";
    }

    private static String unreachableMessage(Downloadable entry, RemoteFile file, Path folder,
                                             List<RemoteFile> remaining, List<String> failures) {
        var message = new StringBuilder("could not download " + entry.name() + ": no location of " + file.name()
                + " could be reached:\n");
        failures.forEach(f -> message.append("  ").append(f).append('\n'));
        message.append("To install it by hand, fetch ").append(remaining.size() == 1 ? "this file" : "these files")
                .append(" on a computer with a network and put ").append(remaining.size() == 1 ? "it" : "them")
                .append(" in ").append(folder).append(":\n");
        for (RemoteFile r : remaining) {
            if (r.urls().isEmpty()) {
                message.append("  ").append(r.describeForHand()).append("  (no download location known)\n");
                continue;
            }
            message.append("  ").append(r.name()).append("  from ").append(r.urls().get(0));
            if (r.urls().size() > 1) {
                message.append(" (or ").append(r.urls().get(1)).append(')');
            }
            message.append('\n');
        }
        message.append("then run ").append(entry.downloadCommand()).append(" again: it checks ")
                .append(remaining.size() == 1 ? "it" : "them").append(" and finishes without the network. Or run "
                        + "that command again once the network is back; it resumes where it stopped.");
        return message.toString();
    }

    private static FileLock lock(FileChannel channel, Downloadable entry, Path folder)
            throws IOException, DownloadException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by this program itself: the same answer
        }
        throw new DownloadException(entry.kind() + " " + entry.name() + " is being downloaded or checked by another "
                + "workbench right now (" + folder.resolve(LOCK) + " is locked); wait for it to finish");
    }
}
