package org.dl4jworkbench.core.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * A run's checkpoints folder: after every epoch the model with its updater state
 * ({@code epoch-NNNN.zip}), the best one so far ({@code best-NNNN.zip}), and
 * {@code state.json} naming them, written last. Each file is written whole before the next
 * step, so a crash at any moment (kill -9 included) leaves a state that names complete files.
 */
public final class Checkpoints {

    public static final String STATE = "state.json";

    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public boolean exists() {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    /** Saves the network after {@code state.epoch()}; where {@code best}, it is also the new best model. */
    public CheckpointState save(Network net, ModelMetadata metadata, CheckpointState state, boolean best)
            throws IOException {
        Files.createDirectories(dir);
        String last = String.format("epoch-%04d.zip", state.epoch());
        ModelFiles.save(net, metadata, dir.resolve(last));
        String bestName = state.bestModel();
        if (best) {
            bestName = String.format("best-%04d.zip", state.epoch());
            Path copy = dir.resolve(bestName);
            AtomicFiles.write(copy, tmp -> Files.copy(dir.resolve(last), tmp));
        }
        CheckpointState saved = new CheckpointState(state.formatVersion(), state.epoch(), state.iteration(),
                state.imagesDone(), state.trainingSeconds(), last, bestName, state.bestEpoch(), state.bestMetric(),
                state.epochsWithoutImprovement(), state.normalizer());
        AtomicFiles.writeString(dir.resolve(STATE), Json.mapper().writeValueAsString(saved) + "\n");
        deleteAllBut(saved.lastModel(), saved.bestModel());
        return saved;
    }

    /**
     * The state, checked: a run folder may come from someone else, so the model files it
     * names must be files of this folder (a name like {@code ../x.zip} or {@code /x.zip} would
     * make resuming read, and {@link #save} later delete beside, files anywhere).
     *
     * @throws IOException where it cannot be read or names files outside the folder; the
     *                     message names the file and says what was expected and found
     */
    public CheckpointState readState() throws IOException {
        Path file = dir.resolve(STATE);
        CheckpointState state = Json.mapper().readValue(file.toFile(), CheckpointState.class);
        if (state == null || state.lastModel() == null) {
            throw invalid(file, "last_model naming the last checkpoint", "none");
        }
        if (state.epoch() < 1 || state.iteration() < 0 || state.normalizer() == null) {
            throw invalid(file, "an epoch of 1 or more, a count of iterations and a normalizer",
                    "epoch " + state.epoch() + ", iteration " + state.iteration() + ", normalizer "
                            + state.normalizer());
        }
        confined(state.lastModel(), "last_model");
        if (state.bestModel() != null) {
            confined(state.bestModel(), "best_model");
        }
        return state;
    }

    /** The checkpoint file {@code name} of {@code state.json}, refused unless it is a file of this folder. */
    private Path confined(String name, String field) throws IOException {
        Path file = dir.resolve(STATE);
        String expected = field + " naming a .zip file in " + dir + " (such as epoch-0003.zip)";
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")
                || !name.endsWith(".zip") || name.indexOf('\0') >= 0) {
            throw invalid(file, expected, "'" + name + "'");
        }
        Path target = dir.resolve(name);
        if (!target.normalize().getParent().equals(dir.normalize())) {
            throw invalid(file, expected, "'" + name + "'");
        }
        if (Files.exists(target) && (Files.isSymbolicLink(target)
                || !target.toRealPath().getParent().equals(dir.toRealPath()))) {
            throw invalid(file, expected, "'" + name + "', a link to " + target.toRealPath());
        }
        return target;
    }

    private static IOException invalid(Path file, String expected, String found) {
        return new IOException(file + ": expected " + expected + ", found " + found + ". The run folder is damaged "
                + "or was altered; start a new run");
    }

    /**
     * The network of the last checkpoint, with its updater state, so training continues where
     * it was. Read through the same screening as any model file: a run folder may come from
     * someone else.
     */
    public Network loadLast(CheckpointState state) throws IOException {
        return load(state.lastModel());
    }

    /** The network of one of this folder's checkpoint files. */
    Network load(String name) throws IOException {
        try {
            return ModelFiles.load(confined(name, "last_model or best_model")).network();
        } catch (InvalidModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public Path best(CheckpointState state) throws IOException {
        return state.bestModel() == null ? null : confined(state.bestModel(), "best_model");
    }

    private void deleteAllBut(String keepLast, String keepBest) throws IOException {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(dir, "*.zip")) {
            for (Path zip : zips) {
                String name = zip.getFileName().toString();
                if (!name.equals(keepLast) && !name.equals(keepBest)) {
                    Files.deleteIfExists(zip);
                }
            }
        }
    }
}
