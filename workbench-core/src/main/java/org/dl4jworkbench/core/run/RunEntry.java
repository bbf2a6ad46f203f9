package org.dl4jworkbench.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.util.Json;

/**
 * One line of {@code workbench runs}: what a run folder says about itself, read so that no
 * folder can fail the listing. {@code run.json} is trusted where it can be read; a damaged one
 * gives status {@value #UNREADABLE}; a missing one (a run from before run.json, or one killed
 * before writing it) is pieced together from {@code result.json}, {@code epochs.csv} and the
 * files' times. A "running" run whose {@code training.lock} no process holds, or (a run from
 * before the lock) in which nothing has changed for {@link #STALE_AFTER}, shows as
 * {@value #INTERRUPTED}: its process is gone. Null fields are unknown.
 */
public record RunEntry(RunFolder run, String name, String network, String dataset, String status, int epochsCompleted,
                Integer epochsPlanned, Double bestValidationAccuracy, Double testAccuracy, Duration duration,
                Instant started) {

    public static final String UNREADABLE = "unreadable";
    public static final String INTERRUPTED = "interrupted";
    public static final String UNKNOWN = "unknown";
    /** Longer than any pause between log writes of a live run (they come every few seconds). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** Newest first: by start time, then by name (which starts with the time). */
    public static final Comparator<RunEntry> NEWEST_FIRST = Comparator.comparing(RunEntry::started,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RunEntry::name, Comparator.reverseOrder());

    private static final java.util.Set<String> FINISHED = java.util.Set.of(RunSummary.COMPLETED,
            RunSummary.EARLY_STOPPED, RunSummary.STOPPED);

    /**
     * True for a run that ended and can be used: completed, stopped or stopped early, with its
     * model saved. (A run being extended still has the model of before, but is not finished.)
     * Reads the folder: off the FX thread.
     */
    public boolean finishedWithModel() {
        return FINISHED.contains(status) && Files.isRegularFile(run.model());
    }

    /** The runs directly under {@code parent}, newest first; folders that are not runs are skipped. */
    public static List<RunEntry> list(Path parent, Instant now) throws IOException {
        List<RunEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path child : children) {
                read(child, now).ifPresent(entries::add);
            }
        }
        entries.sort(NEWEST_FIRST);
        return entries;
    }

    /** The folder as a run; empty where it is not one (no network.json). */
    public static Optional<RunEntry> read(Path dir, Instant now) {
        RunFolder run;
        try {
            run = RunFolder.open(dir);
        } catch (IOException e) {
            return Optional.empty();
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        NetworkSpec spec = readSpec(run);
        List<EpochEvent> epochs = readEpochs(run);
        Instant lastChange = lastChange(run);
        Double bestFromLog = epochs.stream().mapToDouble(EpochEvent::validationAccuracy).filter(Double::isFinite)
                .boxed().max(Double::compare).orElse(null);
        String network = spec != null ? spec.name() : null;
        String dataset = readDatasetName(run);
        Integer planned = spec != null ? spec.training().epochs() : null;

        if (Files.exists(run.file(RunFolder.SUMMARY))) {
            RunSummary s;
            try {
                s = run.readSummary();
            } catch (IOException | RuntimeException e) {
                return Optional.of(new RunEntry(run, name, network, dataset, UNREADABLE, epochs.size(), planned,
                        bestFromLog, null, null, startOf(run)));
            }
            Instant started = parseInstant(s.started()).orElseGet(() -> startOf(run));
            String status = s.status() == null ? UNKNOWN : s.status();
            Duration duration = s.trainingSeconds() > 0 ? Duration.ofMillis(Math.round(s.trainingSeconds() * 1000))
                    : null;
            if (RunSummary.RUNNING.equals(status)) {
                boolean stale = lastChange != null && lastChange.plus(STALE_AFTER).isBefore(now)
                        || abandoned(run);
                status = stale ? INTERRUPTED : status;
                Instant end = stale ? lastChange : now;
                duration = started == null ? duration : Duration.between(started, end);
            }
            return Optional.of(new RunEntry(run, name, orElse(s.network(), network), orElse(s.dataset(), dataset),
                    status, s.epochsCompleted(), s.epochsPlanned() > 0 ? s.epochsPlanned() : planned,
                    s.bestValidationAccuracy() != null ? s.bestValidationAccuracy() : bestFromLog, s.testAccuracy(),
                    duration, started));
        }
        return Optional.of(withoutSummary(run, name, network, dataset, epochs, planned, bestFromLog, lastChange,
                now));
    }

    /** A run with no run.json: finished by an older workbench (result.json), still starting, or killed. */
    private static RunEntry withoutSummary(RunFolder run, String name, String network, String dataset,
                                           List<EpochEvent> epochs, Integer planned, Double best,
                                           Instant lastChange, Instant now) {
        Instant started = startOf(run);
        JsonNode result = readResult(run);
        if (result != null) {
            String status = result.path("stop_reason").asText(RunSummary.COMPLETED);
            Double test = result.hasNonNull("test_accuracy") ? result.get("test_accuracy").asDouble() : null;
            Duration duration = result.hasNonNull("seconds")
                    ? Duration.ofMillis(Math.round(result.get("seconds").asDouble() * 1000)) : null;
            int done = result.hasNonNull("epochs") ? result.get("epochs").asInt() : epochs.size();
            return new RunEntry(run, name, orElse(textOrNull(result, "network"), network),
                    orElse(textOrNull(result, "dataset"), dataset), status, done, planned, best, test, duration,
                    started);
        }
        boolean stale = lastChange == null || lastChange.plus(STALE_AFTER).isBefore(now);
        Duration duration = started == null ? null : Duration.between(started, stale && lastChange != null
                ? lastChange : now);
        return new RunEntry(run, name, network, dataset, stale ? INTERRUPTED : RunSummary.RUNNING, epochs.size(),
                planned, best, null, duration, started);
    }

    /**
     * True where a workbench that locks trained this run and no process holds its lock now:
     * the process that wrote "running" is gone (killed, crashed), whatever the files' times say.
     */
    private static boolean abandoned(RunFolder run) {
        if (!Files.isRegularFile(run.file(RunLock.FILE))) {
            return false; // a run of a workbench from before the lock: the files' times decide
        }
        try {
            return run.trainingProcess().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static NetworkSpec readSpec(RunFolder run) {
        try {
            return run.readSpec();
        } catch (Exception e) {
            return null; // listed anyway: the name and the logs still say something
        }
    }

    private static String readDatasetName(RunFolder run) {
        try {
            return run.readDataset().name();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<EpochEvent> readEpochs(RunFolder run) {
        try {
            return run.readEpochs();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static JsonNode readResult(RunFolder run) {
        Path file = run.file("result.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(file.toFile());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** When the run began: network.json is its first file. */
    private static Instant startOf(RunFolder run) {
        try {
            return Files.getLastModifiedTime(run.file(RunFolder.NETWORK)).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** The latest write to the files a live run keeps writing. */
    private static Instant lastChange(RunFolder run) {
        Instant latest = null;
        for (String file : new String[] {RunFolder.SUMMARY, RunFolder.ITERATIONS, RunFolder.EPOCHS,
            RunFolder.NETWORK}) {
            try {
                Instant t = Files.getLastModifiedTime(run.file(file)).toInstant();
                latest = latest == null || t.isAfter(latest) ? t : latest;
            } catch (IOException e) {
                // not written (yet)
            }
        }
        return latest;
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }
}
