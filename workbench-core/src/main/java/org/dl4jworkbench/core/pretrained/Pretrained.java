package org.dl4jworkbench.core.pretrained;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.ImportedKerasModel;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.model.KerasSource;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * Opens the pretrained networks the catalogue installed: the Keras file, checked against the
 * catalogue's SHA-256 once, imported into DL4J (a few seconds), kept for the next run of this
 * process, and handed out as copies so no run changes another's weights.
 */
public final class Pretrained {

    private static final Map<Path, ImportedKerasModel> IMPORTED = new ConcurrentHashMap<>();

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
        ComputationGraph graph = imported(id, dataRoot).graph();
        synchronized (graph) {
            return graph.clone();
        }
    }

    /**
     * The pretrained network {@code id} as it is, for predicting with it directly: its own
     * classes (ImageNet's 1,000 for MobileNet, from {@link PretrainedEntry#classNames()}), its
     * input size and pixel scaling. Like a model imported from Keras it has no network spec
     * ({@link LoadedModel#spec()} is null); it was checked by its SHA-256 when installed, not
     * screened as a model zip is. The network is the caller's own copy.
     *
     * @throws IOException where it is not installed (the message says how to install it) or
     *                     cannot be imported (the message names the file)
     */
    public static LoadedModel model(String id, Path dataRoot) throws IOException {
        PretrainedEntry entry = entry(id);
        ImportedKerasModel imported = imported(id, dataRoot);
        if (!entry.scaling().equals(PretrainedEntry.Scaling.MINUS_ONE_TO_ONE)) {
            throw new IllegalStateException(id + ": no workbench normalizer for the scaling " + entry.scaling());
        }
        ComputationGraph copy;
        synchronized (imported.graph()) {
            copy = imported.graph().clone();
        }
        boolean channelsLast = imported.input().channelsLast();
        var metadata = new ModelMetadata(ModelMetadata.KERAS_IMPORT_FORMAT_VERSION, "workbench", "1.0.0-M2.1",
                Instant.now().toString(), entry.classNames(), entry.input().height(), entry.input().width(),
                entry.input().channels(), new Normalizer(Normalizer.SYMMETRIC, null, null), entry.title(), 0,
                Double.NaN, null, new KerasSource(entry.file().name(), imported.kerasVersion(), imported.backend(),
                        channelsLast));
        return new LoadedModel(Network.of(copy, channelsLast), metadata, null, Duration.ZERO);
    }

    /**
     * Checks, before a run decodes anything, that the pretrained network {@code spec} begins
     * with is installed under {@code dataRoot}; a file put there by hand is read once for its
     * checksum, so call it off any UI thread. Nothing to check for a spec without one, or for
     * an unknown network (the analysis refuses those).
     *
     * @throws NotInstalledException where it is not installed; the message says how to install it
     */
    public static void requireInstalled(NetworkSpec spec, Path dataRoot) throws IOException {
        if (spec == null || !spec.hasBackbone()) {
            return;
        }
        PretrainedEntry entry = PretrainedCatalog.find(spec.backbone().model()).orElse(null);
        if (entry == null) {
            return;
        }
        try {
            PretrainedCatalog.installedModel(entry, dataRoot);
        } catch (InvalidDataException e) {
            throw new NotInstalledException(entry.id(), e.getMessage(), e);
        }
    }

    private static PretrainedEntry entry(String id) throws IOException {
        return PretrainedCatalog.find(id).orElseThrow(() -> new IOException(PretrainedCatalog.unknownId(id)));
    }

    /** The network as imported, once per file and process; callers clone its graph. */
    private static ImportedKerasModel imported(String id, Path dataRoot) throws IOException {
        PretrainedEntry entry = entry(id);
        Path file;
        try {
            file = PretrainedCatalog.installedModel(entry, dataRoot);
        } catch (InvalidDataException e) {
            throw new NotInstalledException(entry.id(), e.getMessage(), e);
        }
        Path key = file.toAbsolutePath().normalize();
        ImportedKerasModel imported = IMPORTED.get(key);
        if (imported == null) {
            try {
                imported = KerasImport.importModel(file);
            } catch (KerasImportException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (!imported.isGraph()) {
                throw new IOException(file + ": expected a Keras functional model (a graph), found a Sequential "
                        + "one. Put the catalogue's file there again");
            }
            IMPORTED.put(key, imported);
        }
        return imported;
    }

    private static ComputationGraph load(Backbone backbone, Path dataRoot) throws IOException {
        return load(backbone.id(), dataRoot);
    }
}
