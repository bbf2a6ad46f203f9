package org.dl4jworkbench.core.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
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
    public CheckpointState save(MultiLayerNetwork net, ModelMetadata metadata, CheckpointState state, boolean best)
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

    public CheckpointState readState() throws IOException {
        return Json.mapper().readValue(dir.resolve(STATE).toFile(), CheckpointState.class);
    }

    /**
     * The network of the last checkpoint, with its updater state, so training continues where
     * it was. Read through the same screening as any model file: a run folder may come from
     * someone else.
     */
    public MultiLayerNetwork loadLast(CheckpointState state) throws IOException {
        return load(state.lastModel());
    }

    /** The network of one of this folder's checkpoint files. */
    MultiLayerNetwork load(String name) throws IOException {
        try {
            return ModelFiles.load(dir.resolve(name)).network();
        } catch (InvalidModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public Path best(CheckpointState state) {
        return state.bestModel() == null ? null : dir.resolve(state.bestModel());
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
