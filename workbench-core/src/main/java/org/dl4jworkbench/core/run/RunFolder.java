package org.dl4jworkbench.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Csv;
import org.dl4jworkbench.core.util.Json;

/**
 * One training run on disk, written as it goes and read back by {@code runs}, {@code resume}
 * and the dashboard:
 * <ul>
 *   <li>{@code network.json}: the spec as trained;</li>
 *   <li>{@code dataset.json}: {@link DatasetDescription};</li>
 *   <li>{@code iterations.csv}: {@code iteration,epoch,batch,loss,learning_rate,images_per_second};</li>
 *   <li>{@code epochs.csv}: {@code epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,
 *       images_per_second,seconds} (empty cells where not measured);</li>
 *   <li>{@code run.json}: {@link RunSummary};</li>
 *   <li>{@code checkpoints/}: {@code last.zip}, {@code best.zip}, {@code state.json};</li>
 *   <li>{@code model.zip}, {@code evaluation.json}, {@code curves.png}, {@code curves.svg};</li>
 *   <li>{@code training.lock}: locked while a workbench trains the run ({@link RunLock}).</li>
 * </ul>
 * JSON files are replaced atomically; CSV rows (numbers only, written through {@link Csv}) are
 * appended and flushed per write.
 */
public final class RunFolder {

    public static final String NETWORK = "network.json";
    public static final String DATASET = "dataset.json";
    public static final String ITERATIONS = "iterations.csv";
    public static final String EPOCHS = "epochs.csv";
    public static final String SUMMARY = "run.json";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String MODEL = "model.zip";
    public static final String EVALUATION = "evaluation.json";
    public static final String CURVES_PNG = "curves.png";
    public static final String CURVES_SVG = "curves.svg";

    static final String ITERATIONS_HEADER = "iteration,epoch,batch,loss,learning_rate,images_per_second";
    static final String EPOCHS_HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
            + "images_per_second,seconds";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** A new folder under {@code parent} named after the time and the network, e.g. "20261124-101500-lenet". */
    public static RunFolder createUnder(Path parent, String networkName) throws IOException {
        String base = LocalDateTime.now().format(STAMP) + "-" + networkName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = parent.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = parent.resolve(base + "-" + n);
        }
        return at(dir);
    }

    /** Uses {@code dir} as the run folder, creating it where needed. */
    public static RunFolder at(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    /** An existing run folder (one with a {@code network.json}). */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(NETWORK))) {
            throw new NoSuchFileException(dir.toString(), null, "not a run folder: it has no " + NETWORK);
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path model() {
        return dir.resolve(MODEL);
    }

    public Path checkpoints() {
        return dir.resolve(CHECKPOINTS);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * Takes the lock a run's training holds; release it with {@link RunLock#close()}.
     *
     * @throws RunLockedException where a workbench (this one too) trains the run now
     */
    public RunLock lock() throws IOException {
        return RunLock.acquire(dir);
    }

    /**
     * The process that trains this run now, if any (this one's id where this workbench does;
     * -1 where unknown), as {@link #lock()} would find it.
     */
    public java.util.OptionalLong trainingProcess() throws IOException {
        return RunLock.holder(dir);
    }

    public void writeSpec(NetworkSpec spec) throws IOException {
        SpecJson.write(spec, dir.resolve(NETWORK));
    }

    public NetworkSpec readSpec() throws IOException, SpecFormatException {
        return SpecJson.read(dir.resolve(NETWORK));
    }

    public void writeDataset(DatasetDescription dataset) throws IOException {
        writeJson(DATASET, dataset);
    }

    public DatasetDescription readDataset() throws IOException {
        return Json.mapper().readValue(dir.resolve(DATASET).toFile(), DatasetDescription.class);
    }

    public void writeSummary(RunSummary summary) throws IOException {
        writeJson(SUMMARY, summary);
    }

    public RunSummary readSummary() throws IOException {
        return Json.mapper().readValue(dir.resolve(SUMMARY).toFile(), RunSummary.class);
    }

    /** The test evaluation a finished run wrote ({@link #EVALUATION}). */
    public EvaluationReport readEvaluation() throws IOException {
        return Json.mapper().readValue(dir.resolve(EVALUATION).toFile(), EvaluationReport.class);
    }

    public void writeJson(String name, Object value) throws IOException {
        try {
            AtomicFiles.writeString(dir.resolve(name), Json.mapper().writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + name, e);
        }
    }

    public void appendIterations(List<IterationRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        var rows = new StringBuilder();
        for (IterationRecord r : records) {
            rows.append(Csv.row(String.valueOf(r.iteration()), String.valueOf(r.epoch()),
                    String.valueOf(r.batch()), number(r.loss()), number(r.learningRate()),
                    String.format(Locale.ROOT, "%.1f", r.imagesPerSecond())));
        }
        append(ITERATIONS, ITERATIONS_HEADER, rows.toString());
    }

    public void appendEpoch(EpochEvent e) throws IOException {
        append(EPOCHS, EPOCHS_HEADER, Csv.row(String.valueOf(e.epoch()), number(e.trainLoss()),
                number(e.trainAccuracy()), number(e.validationLoss()), number(e.validationAccuracy()),
                String.format(Locale.ROOT, "%.1f", e.imagesPerSecond()),
                String.format(Locale.ROOT, "%.3f", e.duration().toMillis() / 1000.0)));
    }

    public List<IterationRecord> readIterations() throws IOException {
        List<IterationRecord> records = new ArrayList<>();
        for (String[] f : rows(ITERATIONS)) {
            records.add(iteration(f));
        }
        return records;
    }

    /** Iteration rows read from a byte offset of {@link #ITERATIONS} on, and the offset the next read starts at. */
    public record IterationsRead(List<IterationRecord> records, long next) {
    }

    /**
     * The iteration rows written since byte {@code from} of {@link #ITERATIONS}, for whoever
     * follows a run another process trains: whole lines only (a row still being written waits
     * for the next read), the header and rows that are not numbers left out. A long run's file
     * holds tens of thousands of rows; this reads only what is new.
     */
    public IterationsRead readIterationsFrom(long from) throws IOException {
        Path file = dir.resolve(ITERATIONS);
        if (!Files.isRegularFile(file) || Files.size(file) <= from) {
            return new IterationsRead(List.of(), from);
        }
        byte[] bytes;
        try (var channel = Files.newByteChannel(file)) {
            channel.position(from);
            var buffer = java.nio.ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, channel.size() - from));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read what is there now
            }
            bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        int fields = ITERATIONS_HEADER.split(",").length;
        List<IterationRecord> records = new ArrayList<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.strip().split(",", -1);
            if (f.length == fields && !line.startsWith(ITERATIONS_HEADER)) {
                try {
                    records.add(iteration(f));
                } catch (NumberFormatException e) {
                    // not a row of numbers: not data (this class writes numbers only)
                }
            }
        }
        return new IterationsRead(records, from + end);
    }

    private static IterationRecord iteration(String[] f) {
        return new IterationRecord(Long.parseLong(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                parse(f[3]), parse(f[4]), parse(f[5]));
    }

    /** Epochs as logged; {@code epochs} and {@code eta} are not logged and read as 0. */
    public List<EpochEvent> readEpochs() throws IOException {
        List<EpochEvent> epochs = new ArrayList<>();
        for (String[] f : rows(EPOCHS)) {
            epochs.add(new EpochEvent(Integer.parseInt(f[0]), 0, parse(f[1]), parse(f[2]), parse(f[3]), parse(f[4]),
                    parse(f[5]), Duration.ofMillis(Math.round(parse(f[6]) * 1000)), Duration.ZERO));
        }
        return epochs;
    }

    /**
     * Drops logged rows past a checkpoint ({@code epoch} complete, {@code iteration} done), so
     * a run resumed from it continues its curves without the rows of the epoch it lost.
     */
    public void truncateAfter(int epoch, long iteration) throws IOException {
        keepRows(ITERATIONS, ITERATIONS_HEADER, f -> Long.parseLong(f[0]) <= iteration);
        keepRows(EPOCHS, EPOCHS_HEADER, f -> Integer.parseInt(f[0]) <= epoch);
    }

    private void keepRows(String name, String header, java.util.function.Predicate<String[]> keep)
            throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return;
        }
        var kept = new StringBuilder(header).append('\n');
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank() && keep.test(line.split(",", -1))) {
                kept.append(line).append('\n');
            }
        }
        AtomicFiles.writeString(file, kept.toString());
    }

    private void append(String name, String header, String rows) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private List<String[]> rows(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.split(",", -1);
            // A row cut short by a crash mid-write is not data.
            if (!line.isBlank() && fields.length == lines.get(0).split(",").length) {
                rows.add(fields);
            }
        }
        return rows;
    }

    private static String number(double v) {
        return Csv.number(v);
    }

    private static double parse(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** For listeners that cannot throw: write, or fail the run with the file named. */
    public static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An I/O step. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }
}
