package org.dl4jworkbench.core.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.KerasSource;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.spec.Normalization;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Imported Keras models as workbench models: a model zip that predicts and evaluates like one
 * the workbench trained, with the class names and pixel preprocessing the user gives (a Keras
 * file records neither) and no network spec (its layers were never the editor's). Every model
 * is saved as a {@code ComputationGraph}, a Sequential one converted, so one kind of file
 * holds every import.
 */
public final class KerasModels {

    /** Sides beyond this are no image classifier the workbench can feed (as its model files say). */
    private static final int MAX_SIDE = 4096;

    private KerasModels() {
    }

    /**
     * Saves {@code imported} to {@code out} as a workbench model and opens it again as any model
     * file is opened (screened), so what is returned is what {@code predict} will see.
     *
     * @param normalization how pixels become input: {@code NONE} (0..255), {@code SCALE} (0..1)
     *                      or {@code SYMMETRIC} (-1..1); {@code STANDARDIZE} needs statistics of
     *                      training images the file does not hold, and is refused
     * @param classNames    one name per output, in output order; null for "0" to "N-1"
     * @throws KerasImportException where the model cannot serve as an image classifier (not 1 or
     *                              3 channels), or the workbench refuses the saved file (a layer
     *                              outside its allow-list); nothing is left at {@code out} then
     * @throws IllegalArgumentException for {@code STANDARDIZE}, or class names not one per output
     */
    public static LoadedModel save(ImportedKerasModel imported, Normalization normalization, List<String> classNames,
                                   Path out) throws KerasImportException, IOException {
        Normalizer normalizer = normalizer(normalization);
        KerasInputShape input = imported.input();
        String source = imported.source().getFileName().toString();
        if (input.channels() != 1 && input.channels() != 3) {
            throw new KerasImportException(imported.source() + ": expected a model that takes gray (1 channel) or "
                    + "RGB (3 channels) images, found " + input.channels() + " channels. The workbench feeds photos "
                    + "as gray or RGB; export a model with such an input");
        }
        if (input.height() > MAX_SIDE || input.width() > MAX_SIDE) {
            throw new KerasImportException(imported.source() + ": expected an input of at most " + MAX_SIDE
                    + " pixels a side, found " + input.height() + "x" + input.width());
        }
        List<String> names = classNames == null ? defaultNames(imported.outputs()) : List.copyOf(classNames);
        if (names.size() != imported.outputs()) {
            throw new IllegalArgumentException(imported.outputs() + " class names expected (one per output), found "
                    + names.size());
        }
        ComputationGraph graph = imported.isGraph() ? imported.graph() : imported.multiLayer().toComputationGraph();
        if (graph.getConfiguration().getDataType() != null && graph.getConfiguration().getDataType() != DataType.FLOAT) {
            graph = graph.convertDataType(DataType.FLOAT); // as the workbench saves and loads every model
        }
        String version = KerasModels.class.getPackage().getImplementationVersion();
        var metadata = new ModelMetadata(ModelMetadata.KERAS_IMPORT_FORMAT_VERSION,
                version == null ? "development" : version, "1.0.0-M2.1", Instant.now().toString(), names,
                input.height(), input.width(), input.channels(), normalizer, "imported from " + source, 0,
                Double.NaN, null, new KerasSource(source, imported.kerasVersion(), imported.backend(),
                        input.channelsLast()));
        ModelFiles.save(Network.of(graph, input.channelsLast()), metadata, out);
        try {
            return ModelFiles.load(out);
        } catch (InvalidModelException e) {
            Files.deleteIfExists(out);
            throw new KerasImportException(imported.source() + ": DL4J imported it, but the workbench does not open "
                    + "the model it makes: " + e.getMessage(), e);
        }
    }

    /** The workbench's normalizer for a normalization a Keras model can be given. */
    public static Normalizer normalizer(Normalization normalization) {
        return switch (normalization) {
            case NONE -> new Normalizer(Normalizer.NONE, null, null);
            case SCALE -> Normalizer.scale();
            case SYMMETRIC -> new Normalizer(Normalizer.SYMMETRIC, null, null);
            case STANDARDIZE -> throw new IllegalArgumentException("a Keras file does not record the mean and "
                    + "deviation of its training images; give none (0..255), scale (0..1) or symmetric (-1..1)");
        };
    }

    private static List<String> defaultNames(long outputs) {
        return IntStream.range(0, (int) Math.min(outputs, Integer.MAX_VALUE)).mapToObj(String::valueOf).toList();
    }
}
