package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * Model files: DL4J's ModelSerializer zip (readable by plain DL4J code and by Netron) with
 * one more entry, {@value #METADATA_ENTRY}, holding {@link ModelMetadata}. Saved atomically;
 * loaded only after screening, so a file from a stranger is safe to open.
 */
public final class ModelFiles {

    public static final String METADATA_ENTRY = "workbench.json";

    private ModelFiles() {
    }

    /**
     * Saves the network with its updater state (so training can continue) and the metadata.
     * A crash while saving leaves any earlier file at {@code target} as it was.
     */
    public static void save(Network net, ModelMetadata metadata, Path target) throws IOException {
        String json;
        try {
            json = Json.mapper().writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model metadata", e);
        }
        AtomicFiles.write(target, tmp -> {
            // Not writeModel(net, file, true, normalizer): that throws "flush() failed: stream is closed" in M2.1.
            ModelSerializer.writeModel(net.dl4j(), tmp.toFile(), true);
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
                Files.writeString(zip.getPath(METADATA_ENTRY), json, StandardCharsets.UTF_8);
            }
        });
    }

    /**
     * Opens a model file saved by {@link #save}, safely whatever its origin: the zip, its
     * entries, the classes its configuration names, the parameter count it implies and its
     * metadata are all checked before DL4J reads or allocates anything, and a hostile or
     * damaged file is refused quickly with a message for the user. A plain DL4J zip without
     * {@value #METADATA_ENTRY} is refused: its class names and preprocessing are unknown.
     *
     * @throws UnsafeModelException where opening the file could run code or exhaust memory
     * @throws InvalidModelException where the file is not a usable workbench model
     * @throws IOException where the file cannot be read at all
     */
    public static LoadedModel load(Path file) throws IOException, InvalidModelException {
        return ModelLoader.load(file);
    }
}
