package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.run.RunFolder;

/**
 * Finds the run a user named: a folder path, a folder name under the runs folder, or the start
 * of one name there (such as "20261124-1015"), as long as only one run starts with it.
 */
final class RunLocator {

    private RunLocator() {
    }

    static RunFolder find(String given, Path runsDir) throws UserError {
        Path asPath;
        try {
            asPath = Path.of(given);
        } catch (InvalidPathException e) {
            throw new UserError("'" + given + "' is not a valid folder name: " + e.getReason());
        }
        if (Files.isDirectory(asPath)) {
            return open(asPath);
        }
        Path underRuns = runsDir.resolve(asPath);
        if (Files.isDirectory(underRuns)) {
            return open(underRuns);
        }
        List<Path> starting = runsStartingWith(given, runsDir);
        if (starting.size() == 1) {
            return open(starting.get(0));
        }
        if (starting.size() > 1) {
            throw new UserError("'" + given + "' could be any of " + starting.size() + " runs in " + runsDir + ": "
                    + String.join(", ", starting.stream().map(p -> p.getFileName().toString()).sorted().toList())
                    + "; give more of the name");
        }
        throw new UserError("no run '" + given + "': it is neither a folder nor a run in " + runsDir
                + "; 'workbench runs" + (runsDir.equals(RunsCommand.DEFAULT_DIR) ? "" : " --dir " + runsDir)
                + "' lists the runs there, and --dir picks another runs folder");
    }

    private static RunFolder open(Path dir) throws UserError {
        try {
            return RunFolder.open(dir);
        } catch (IOException e) {
            throw new UserError(dir + " is not a run folder: it has no " + RunFolder.NETWORK
                    + "; give a folder written by 'workbench train'");
        }
    }

    private static List<Path> runsStartingWith(String prefix, Path runsDir) {
        List<Path> matches = new ArrayList<>();
        if (prefix.isEmpty() || !Files.isDirectory(runsDir)) {
            return matches;
        }
        DirectoryStream.Filter<Path> isRunStartingWith = p -> p.getFileName().toString().startsWith(prefix)
                && Files.isRegularFile(p.resolve(RunFolder.NETWORK));
        try (DirectoryStream<Path> children = Files.newDirectoryStream(runsDir, isRunStartingWith)) {
            children.forEach(matches::add);
        } catch (IOException e) {
            // an unreadable runs folder: no match, and the message says where we looked
        }
        return matches;
    }
}
