package org.dl4jworkbench.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * One training run on disk: {@code network.json} (the spec as trained), {@code epochs.csv}
 * (a row per epoch, appended as it ends), {@code model.zip} and {@code result.json}.
 */
public final class RunFolder {

    public static final String NETWORK = "network.json";
    public static final String EPOCHS = "epochs.csv";
    public static final String MODEL = "model.zip";
    public static final String RESULT = "result.json";

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

    public Path dir() {
        return dir;
    }

    public Path model() {
        return dir.resolve(MODEL);
    }

    public void writeSpec(NetworkSpec spec) throws IOException {
        SpecJson.write(spec, dir.resolve(NETWORK));
    }

    public void appendEpoch(EpochEvent e) throws IOException {
        Path file = dir.resolve(EPOCHS);
        if (!Files.exists(file)) {
            Files.writeString(file, "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
                    + "images_per_second,seconds\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.1f,%.3f%n", e.epoch(),
                e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), e.imagesPerSecond(),
                e.duration().toMillis() / 1000.0), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    public void writeResult(Map<String, Object> result) throws IOException {
        try {
            AtomicFiles.writeString(dir.resolve(RESULT), Json.mapper().writeValueAsString(result) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run result", e);
        }
    }
}
