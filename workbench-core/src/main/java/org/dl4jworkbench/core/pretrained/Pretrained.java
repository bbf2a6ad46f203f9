package org.dl4jworkbench.core.pretrained;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.spec.Backbone;

/**
 * Opens the pretrained networks the catalogue installed: the Keras file, checked against the
 * catalogue's SHA-256 once, imported into DL4J (a few seconds), kept for the next run of this
 * process, and handed out as copies so no run changes another's weights.
 */
public final class Pretrained {

    private static final Map<Path, ComputationGraph> IMPORTED = new ConcurrentHashMap<>();

    private Pretrained() {
    }

    /** Networks installed in the workbench's data folder ({@link WorkbenchDirs#data()}, read at each load). */
    public static BackboneLoader installed() {
        return backbone -> load(backbone, WorkbenchDirs.data());
    }

    /** Networks installed under {@code dataRoot}. */
    public static BackboneLoader installedIn(Path dataRoot) {
        return backbone -> load(backbone, dataRoot);
    }

    /**
     * A copy of the pretrained network {@code id} installed under {@code dataRoot}, whole (its
     * ImageNet output included).
     *
     * @throws IOException where it is not installed (the message says how to install it) or
     *                     cannot be imported (the message names the file)
     */
    public static ComputationGraph load(String id, Path dataRoot) throws IOException {
        PretrainedEntry entry = PretrainedCatalog.find(id)
                .orElseThrow(() -> new IOException(PretrainedCatalog.unknownId(id)));
        Path file;
        try {
            file = PretrainedCatalog.installedModel(entry, dataRoot);
        } catch (InvalidDataException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path key = file.toAbsolutePath().normalize();
        ComputationGraph graph = IMPORTED.get(key);
        if (graph == null) {
            try {
                var imported = KerasImport.importModel(file);
                if (!imported.isGraph()) {
                    throw new IOException(file + ": expected a Keras functional model (a graph), found a Sequential "
                            + "one. Put the catalogue's file there again");
                }
                graph = imported.graph();
            } catch (KerasImportException e) {
                throw new IOException(e.getMessage(), e);
            }
            IMPORTED.put(key, graph);
        }
        synchronized (graph) {
            return graph.clone();
        }
    }

    private static ComputationGraph load(Backbone backbone, Path dataRoot) throws IOException {
        return load(backbone.id(), dataRoot);
    }
}
