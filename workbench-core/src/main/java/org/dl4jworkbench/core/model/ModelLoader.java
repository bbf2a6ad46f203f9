package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.util.Json;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Opens a model file in an order that lets DL4J see nothing unchecked: the zip's entries,
 * then the configuration as a plain JSON tree (class allow-list), then DL4J's parse of that
 * same text (which allocates nothing; FLOAT only, as the workbench saves), the parameter count
 * it implies, the metadata and its agreement with the network (sizes, activations for one
 * image, and the configuration its own spec compiles to); only then are the arrays read, each
 * header checked against the expected length and type before ND4J allocates it.
 *
 * <p>Graphs ({@code ComputationGraph}: transfer models and models imported from Keras) go the
 * same way, with {@link GraphCheck} and, for a transfer model, {@link TransferAgreement} in
 * place of the sequential checks.
 *
 * <p>It does the three steps of {@code ModelSerializer.restoreMultiLayerNetwork(file, true)}
 * (and {@code restoreComputationGraph}) itself (parse the configuration, {@code Nd4j.read} the coefficients and updater state,
 * {@code init} and {@code setStateViewArray}) rather than calling it: that method opens the
 * path again (so the checked bytes need not be the loaded ones), reads
 * {@code preprocessor.bin} with Java deserialization whenever it is present, and would parse
 * the configuration a second time. Every byte here is read once, from one open zip.
 */
final class ModelLoader {

    /** The workbench's own configurations are 5 to 50 KB; metadata grows with class names. */
    static final long MAX_CONFIGURATION_BYTES = 4L << 20;
    static final long MAX_METADATA_BYTES = 4L << 20;

    private ModelLoader() {
    }

    static LoadedModel load(Path file) throws IOException, InvalidModelException {
        long start = System.nanoTime();
        try (ZipFile zip = ModelZipScreen.open(file)) {
            Map<String, ZipEntry> entries = ModelZipScreen.entries(zip, file);
            String configWhere = file + " (" + ModelZipScreen.CONFIGURATION + ")";
            String json = text(ModelZipScreen.readAll(zip, entries.get(ModelZipScreen.CONFIGURATION),
                    MAX_CONFIGURATION_BYTES, file), configWhere);
            JsonNode tree = tree(json, configWhere);
            ConfigurationScreen.check(tree, file);
            return tree.has("vertices") ? graph(zip, entries, json, file, start)
                    : sequential(zip, entries, json, tree, file, start);
        }
    }

    private static LoadedModel sequential(ZipFile zip, Map<String, ZipEntry> entries, String json, JsonNode tree,
                                          Path file, long start) throws IOException, InvalidModelException {
        String configWhere = file + " (" + ModelZipScreen.CONFIGURATION + ")";
        MultiLayerConfiguration conf = parse(() -> MultiLayerConfiguration.fromJson(json), configWhere);
        DataType type = dataType(conf.getDataType(), configWhere);
        long parameters = NetworkCheck.parameters(conf, configWhere);

        String metaWhere = file + " (" + ModelZipScreen.METADATA + ")";
        ModelMetadata metadata = metadata(zip, entries, file);
        NetworkSpec spec = MetadataReader.spec(metadata, metaWhere);
        if (spec == null) {
            // KerasModels saves every import as a graph: a sequential network always comes with its spec.
            throw new InvalidModelException("cannot use " + metaWhere + ": expected the network spec of a "
                    + "sequential network, found a model imported from Keras. The file was altered or damaged");
        }
        NetworkCheck.agreesWith(conf, metadata, file.toString());
        SpecAgreement.check(tree, spec, configWhere);
        Duration screening = Duration.ofNanos(System.nanoTime() - start);

        INDArray coefficients = NdArrayEntry.read(zip, entries.get(ModelZipScreen.COEFFICIENTS), parameters,
                type, file);
        MultiLayerNetwork net = build(file, () -> {
            MultiLayerNetwork n = new MultiLayerNetwork(conf);
            n.init(coefficients, false);
            return n;
        });
        restoreUpdater(zip, entries.get(ModelZipScreen.UPDATER_STATE), file, () -> net.getUpdater().getStateViewArray(),
                state -> net.getUpdater().setStateViewArray(net, state, false));
        return new LoadedModel(Network.of(net), metadata, spec, screening);
    }

    /**
     * A graph: a transfer model (its spec begins with a backbone) or a model imported from
     * Keras (no spec; metadata says so, and whether it takes channels-last images).
     */
    private static LoadedModel graph(ZipFile zip, Map<String, ZipEntry> entries, String json, Path file, long start)
            throws IOException, InvalidModelException {
        String configWhere = file + " (" + ModelZipScreen.CONFIGURATION + ")";
        ComputationGraphConfiguration conf = parse(() -> ComputationGraphConfiguration.fromJson(json), configWhere);
        DataType type = dataType(conf.getDataType(), configWhere);
        List<String> order = GraphCheck.order(conf, configWhere);
        long parameters = GraphCheck.parameters(conf, order, configWhere);

        String metaWhere = file + " (" + ModelZipScreen.METADATA + ")";
        ModelMetadata metadata = metadata(zip, entries, file);
        NetworkSpec spec = MetadataReader.spec(metadata, metaWhere);
        boolean channelsLast = metadata.importedFromKeras() ? metadata.kerasImport().channelsLast()
                : Network.takesChannelsLast(conf);
        GraphCheck.agreesWith(conf, order, metadata, channelsLast, file.toString());
        if (spec != null) {
            TransferAgreement.check(conf, spec, configWhere);
        }
        Duration screening = Duration.ofNanos(System.nanoTime() - start);

        INDArray coefficients = NdArrayEntry.read(zip, entries.get(ModelZipScreen.COEFFICIENTS), parameters,
                type, file);
        ComputationGraph graph = build(file, () -> {
            ComputationGraph g = new ComputationGraph(conf);
            g.init(coefficients, false);
            return g;
        });
        restoreUpdater(zip, entries.get(ModelZipScreen.UPDATER_STATE), file, () -> graph.getUpdater().getStateViewArray(),
                state -> graph.getUpdater().setStateViewArray(state));
        return new LoadedModel(Network.of(graph, channelsLast), metadata, spec, screening);
    }

    private static ModelMetadata metadata(ZipFile zip, Map<String, ZipEntry> entries, Path file)
            throws InvalidModelException {
        return MetadataReader.read(ModelZipScreen.readAll(zip, entries.get(ModelZipScreen.METADATA),
                MAX_METADATA_BYTES, file), file + " (" + ModelZipScreen.METADATA + ")");
    }

    private static <T> T build(Path file, Supplier<T> build) throws InvalidModelException {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new InvalidModelException("damaged model file " + file + ": DL4J cannot build the network from it ("
                    + e.getMessage() + "). Copy the file again, or train the model again", e);
        }
    }

    /** Reads the optimizer state, checked against the length the built network expects, into the network. */
    private static void restoreUpdater(ZipFile zip, ZipEntry updaterEntry, Path file, Supplier<INDArray> expected,
                                       Consumer<INDArray> set) throws InvalidModelException {
        if (updaterEntry == null) {
            return; // plain DL4J allows it; training would continue with a fresh optimizer state
        }
        INDArray expectedState = build(file, expected);
        if (expectedState == null || expectedState.length() == 0) {
            throw new InvalidModelException("damaged model file " + file + ": it holds optimizer state, but its "
                    + "optimizer keeps none. Copy the file again, or train the model again");
        }
        INDArray state = NdArrayEntry.read(zip, updaterEntry, expectedState.length(), expectedState.dataType(), file);
        try {
            set.accept(state);
        } catch (RuntimeException e) {
            throw new InvalidModelException("damaged model file " + file + " (" + updaterEntry.getName() + "): DL4J "
                    + "cannot use the optimizer state (" + e.getMessage() + "). Copy the file again, or train the "
                    + "model again", e);
        }
    }

    private static String text(byte[] bytes, String where) throws InvalidModelException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidModelException("cannot use " + where + ": it is not UTF-8 text. The file is damaged or "
                    + "was not saved by the DL4J Workbench", e);
        }
    }

    private static JsonNode tree(String json, String where) throws InvalidModelException {
        try {
            // The workbench mapper refuses duplicate keys: DL4J's parser and this one could keep different copies.
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidModelException("cannot use " + where + ": not valid JSON (" + e.getOriginalMessage()
                    + "). The file is damaged or was not saved by the DL4J Workbench", e);
        }
    }

    private static <T> T parse(Supplier<T> parse, String where) throws InvalidModelException {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage().lines().findFirst().orElse("");
            throw new InvalidModelException("cannot use " + where + ": DL4J cannot read this network configuration ("
                    + why + "). The file is damaged or was saved by another DL4J version", e);
        }
    }

    /** The workbench trains and saves FLOAT networks: a DOUBLE or HALF one was made elsewhere, or altered. */
    private static DataType dataType(DataType declared, String where) throws InvalidModelException {
        DataType type = declared == null ? DataType.FLOAT : declared;
        if (type != DataType.FLOAT) {
            throw new InvalidModelException("cannot use " + where + ": expected a FLOAT network (the workbench saves "
                    + "FLOAT), found " + type + ". The file was not saved by the DL4J Workbench, or was altered");
        }
        return type;
    }
}
