package org.dl4jworkbench.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The lock a run folder's training holds ({@code training.lock}, with the trainer's process
 * id in it), so that no two workbenches train one run at once: a window resuming a run that a
 * command line trains, or the other way round. The operating system releases the lock when
 * the process ends, however it ends, so a killed run is free to resume at once. The file
 * stays after the run: only the lock on it says that a run trains.
 *
 * <p>Within one JVM the locks held are also kept in a table, checked before the file is
 * touched: on POSIX systems closing any channel to a locked file drops the process's lock on
 * it, so this process never opens a file it already holds the lock of.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE = "training.lock";

    /** The locks this JVM holds, by the lock file's real path. Guarded by itself. */
    private static final Map<Path, RunLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the run in {@code dir} (an existing folder).
     *
     * @throws RunLockedException where a process trains the run now (this one too)
     */
    static RunLock acquire(Path dir) throws IOException {
        Path file = lockFile(dir);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                throw new RunLockedException(dir, ProcessHandle.current().pid(), true);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = tryLock(channel, false);
                if (lock == null) {
                    throw new RunLockedException(dir, readPid(channel), false);
                }
                byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(pid), 0);
                var held = new RunLock(file, channel, lock);
                HELD.put(file, held);
                return held;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    /**
     * The process that trains the run in {@code dir} now, if any: this one's id where this JVM
     * holds the lock, another's, or -1 where another process holds it without having said who.
     */
    static OptionalLong holder(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty(); // never trained by a workbench that locks
        }
        file = lockFile(dir);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                return OptionalLong.of(ProcessHandle.current().pid());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                FileLock probe = tryLock(channel, true); // shared: a read-only run folder can be asked too
                if (probe == null) {
                    return OptionalLong.of(readPid(channel));
                }
                probe.release();
                return OptionalLong.empty();
            }
        }
    }

    /** Releases the lock; again does nothing. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            HELD.remove(file);
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** Releases the lock of work that failed with {@code failure}; a failure to release is added to it. */
    void releaseAfter(Throwable failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static Path lockFile(Path dir) throws IOException {
        return dir.toRealPath().resolve(FILE);
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            return null; // held in this JVM through a path the table did not know (cannot happen; be safe)
        }
    }

    private static long readPid(FileChannel channel) throws IOException {
        var buffer = ByteBuffer.allocate(32);
        int read = channel.read(buffer, 0);
        String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1; // it has not written its id yet
        }
    }
}
