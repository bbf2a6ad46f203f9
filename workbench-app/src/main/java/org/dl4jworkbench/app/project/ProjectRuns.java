package org.dl4jworkbench.app.project;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunSummary;

/**
 * Keeps a project's runs with the project: when a project that trained before it had a
 * folder is saved, the runs in its scratch folder move into the folder's {@code runs/}
 * (renamed where the name is taken, copied and then deleted where the two folders are on
 * different file systems). A run still being written stays behind and moves at the next save.
 * Does file I/O: call it off the FX thread.
 */
public final class ProjectRuns {

    private ProjectRuns() {
    }

    /** Moves the finished runs of {@code project}'s scratch folder into its runs folder; returns where they went. */
    public static List<Path> adoptScratchRuns(Project project) throws IOException {
        Path scratch = project.scratch();
        if (project.folder() == null || scratch == null || !Files.isDirectory(scratch)) {
            return List.of();
        }
        Path target = project.runsFolder();
        List<Path> moved = new ArrayList<>();
        List<Path> runs;
        try (Stream<Path> children = Files.list(scratch)) {
            runs = children.filter(Files::isDirectory).sorted().toList();
        }
        Instant now = Instant.now();
        for (Path run : runs) {
            boolean live = RunEntry.read(run, now).map(e -> RunSummary.RUNNING.equals(e.status())).orElse(false);
            if (live) {
                continue; // its training still writes there
            }
            Files.createDirectories(target);
            Path destination = free(target, run.getFileName().toString());
            try {
                move(run, destination);
            } catch (IOException e) {
                throw new IOException("the run " + run.getFileName() + " could not be moved from " + scratch + " to "
                        + target + " (" + e.getMessage() + "); it is still in " + scratch
                        + ". Save again to retry, or move it by hand.", e);
            }
            moved.add(destination);
        }
        try {
            Files.deleteIfExists(scratch); // only when nothing is left in it
        } catch (DirectoryNotEmptyException e) {
            // a live run, or files that are not runs: left where they are
        }
        return moved;
    }

    private static Path free(Path parent, String name) {
        Path candidate = parent.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = parent.resolve(name + "-" + n);
        }
        return candidate;
    }

    /** A rename where the file system allows, else a copy of the tree and then the source's removal. */
    static void move(Path source, Path destination) throws IOException {
        try {
            Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
            // another file system: copy, then delete
        }
        try {
            copyTree(source, destination);
        } catch (IOException e) {
            deleteTree(destination); // no half copy next to the intact source
            throw e;
        }
        deleteTree(source);
    }

    private static void copyTree(Path source, Path destination) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(destination.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, destination.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
