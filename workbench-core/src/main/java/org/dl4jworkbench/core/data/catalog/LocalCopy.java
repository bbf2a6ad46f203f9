package org.dl4jworkbench.core.data.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What of a catalogue entry (a dataset or a network) is on this computer. A folder counts as verified once the
 * workbench has checked every file against the catalogue and written the marker file
 * {@value #MARKER} listing them with their sizes; a file that later changes size voids it.
 * (Re-hashing 180 MB on every listing or every start of training would cost seconds.)
 */
public record LocalCopy(Downloadable entry, Path folder, State state, long partBytes) {

    static final String MARKER = ".verified";

    public enum State {
        /** Every file is there and was checked. */
        VERIFIED,
        /** Files are there (put by hand, or an earlier download stopped) but not yet checked. */
        UNCHECKED,
        /** A download stopped part way; the entry's {@link Downloadable#downloadCommand()} resumes it. */
        PARTIAL,
        /** Nothing there. */
        MISSING
    }

    public static LocalCopy of(Downloadable entry, Path dataRoot) {
        Path folder = entry.folder(dataRoot);
        if (isVerified(entry, folder)) {
            return new LocalCopy(entry, folder, State.VERIFIED, 0);
        }
        long partBytes = 0;
        boolean parts = false;
        boolean present = false;
        for (RemoteFile file : entry.files()) {
            // An empty part (a try that got no answer) is nothing to resume.
            long part = sizeOrZero(folder.resolve(file.name() + ".part"));
            if (part > 0) {
                parts = true;
                partBytes += part;
            }
            present |= Files.isRegularFile(folder.resolve(file.name()))
                    || file.keptFiles().stream().anyMatch(k -> Files.isRegularFile(folder.resolve(k)));
        }
        State state = parts ? State.PARTIAL : present ? State.UNCHECKED : State.MISSING;
        return new LocalCopy(entry, folder, state, partBytes);
    }

    /** For listings: "downloaded, verified", "partly downloaded (4.5 MB of 170.1 MB)", ... */
    public String describe() {
        return switch (state) {
            case VERIFIED -> "downloaded, verified";
            case UNCHECKED -> "files present, not yet verified";
            case PARTIAL -> "partly downloaded (" + ByteSize.format(partBytes) + " of "
                    + ByteSize.format(entry.downloadSize()) + ")";
            case MISSING -> "not downloaded";
        };
    }

    static boolean isVerified(Downloadable entry, Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        Map<String, Long> recorded = new HashMap<>();
        try {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    recorded.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false; // a damaged marker only means checking again
        }
        for (String kept : entry.keptFiles()) {
            Long size = recorded.get(kept);
            Path file = folder.resolve(kept);
            if (size == null || !Files.isRegularFile(file) || size != sizeOrZero(file)) {
                return false;
            }
        }
        return true;
    }

    /** Records that every kept file of {@code entry} in {@code folder} was checked. */
    static void markVerified(Downloadable entry, Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# " + entry.name() + ": files checked by DL4J Workbench against its catalogue, with their sizes");
        for (String kept : entry.keptFiles()) {
            lines.add(Files.size(folder.resolve(kept)) + " " + kept);
        }
        Path tmp = folder.resolve(MARKER + ".part");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
