package org.dl4jworkbench.app.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * Where the window's runs train: on this computer, or on a Spark cluster at a master URL
 * ({@code ./workbench spark train} in a process of its own). A choice of this installation,
 * not of the network: it is kept in the settings folder's {@value #FILE_NAME} (the training
 * settings are the network spec's, and a cluster is no part of the network), read and written
 * on the io executor. A damaged file counts as the default: this computer, {@code local[2]}.
 */
public final class RunOn {

    public static final String FILE_NAME = "run-on.json";

    /** The two places. */
    public enum Where {
        THIS_COMPUTER("This computer"), SPARK("Spark cluster");

        private final String label;

        Where(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private record Saved(Where where, String master) {
    }

    private final ObjectProperty<Where> where = new SimpleObjectProperty<>(this, "where", Where.THIS_COMPUTER);
    private final StringProperty master = new SimpleStringProperty(this, "master", SparkMaster.DEFAULT);
    private final Path file;
    private final Executor io;
    private final Optional<Path> root = SparkLaunch.launcherRoot(); // looked up once: it does not change
    private boolean changed;

    /** @param settings the settings folder; null keeps the choice for this window only */
    public RunOn(Path settings, Executor io) {
        this.file = settings == null ? null : settings.resolve(FILE_NAME);
        this.io = io;
        if (file != null) {
            BackgroundTask.wrap(() -> read(file)).onSuccess(saved -> saved.ifPresent(s -> {
                if (!changed) { // what the user chose meanwhile stands
                    where.set(s.where());
                    master.set(s.master());
                    changed = false;
                }
            })).executeWith(io);
        }
        where.addListener((obs, old, now) -> save());
        master.addListener((obs, old, now) -> save());
    }

    public ObjectProperty<Where> whereProperty() {
        return where;
    }

    public StringProperty masterProperty() {
        return master;
    }

    public boolean spark() {
        return where.get() == Where.SPARK;
    }

    /** The master URL as typed, trimmed. */
    public String master() {
        return master.get() == null ? "" : master.get().strip();
    }

    /** The folder of the {@code workbench} launcher, which starts runs on Spark; empty where unknown. */
    public Optional<Path> root() {
        return root;
    }

    /** Why a run cannot start where chosen ("Master URL: ..."); empty on this computer or a good URL. */
    public Optional<String> problem() {
        if (!spark()) {
            return Optional.empty();
        }
        Optional<String> url = SparkMaster.problem(master());
        return url.isPresent() || root.isPresent() ? url : Optional.of("Run on: Spark needs the window started by "
                + "./workbench, which tells it where workbench-spark is; start it so, or run on this computer");
    }

    private void save() {
        changed = true;
        if (file == null) {
            return;
        }
        var saved = new Saved(where.get(), master.get());
        BackgroundTask.wrap(() -> {
            write(file, saved);
            return file;
        }).executeWith(io); // a failure only forgets the choice: it is a convenience
    }

    private static void write(Path file, Saved saved) throws IOException {
        var root = Json.mapper().createObjectNode();
        root.put("run_on", saved.where() == Where.SPARK ? "spark" : "this-computer");
        root.put("master", saved.master());
        Files.createDirectories(file.getParent());
        AtomicFiles.writeString(file, Json.mapper().writeValueAsString(root) + "\n");
    }

    private static Optional<Saved> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            Where w = "spark".equals(root.path("run_on").asText()) ? Where.SPARK : Where.THIS_COMPUTER;
            String m = root.path("master").asText(SparkMaster.DEFAULT);
            return Optional.of(new Saved(w, m));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
