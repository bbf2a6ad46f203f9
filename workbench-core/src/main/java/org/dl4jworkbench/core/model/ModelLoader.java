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
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
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
 * <p>It does the three steps of {@code ModelSerializer.restoreMultiLayerNetwork(file, true)}
 * itself (parse the configuration, {@code Nd4j.read} the coefficients and updater state,
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
            MultiLayerConfiguration conf = parse(json, configWhere);
            DataType type = dataType(conf, configWhere);
            long parameters = NetworkCheck.parameters(conf, configWhere);

            String metaWhere = file + " (" + ModelZipScreen.METADATA + ")";
            ModelMetadata metadata = MetadataReader.read(ModelZipScreen.readAll(zip,
                    entries.get(ModelZipScreen.METADATA), MAX_METADATA_BYTES, file), metaWhere);
            NetworkSpec spec = MetadataReader.spec(metadata, metaWhere);
            NetworkCheck.agreesWith(conf, metadata, file.toString());
            SpecAgreement.check(tree, spec, configWhere);
            Duration screening = Duration.ofNanos(System.nanoTime() - start);

            INDArray coefficients = NdArrayEntry.read(zip, entries.get(ModelZipScreen.COEFFICIENTS), parameters,
                    type, file);
            MultiLayerNetwork net = restore(conf, coefficients, zip, entries.get(ModelZipScreen.UPDATER_STATE), file);
            return new LoadedModel(Network.of(net), metadata, spec, screening);
        }
    }

    private static MultiLayerNetwork restore(MultiLayerConfiguration conf, INDArray coefficients, ZipFile zip,
                                             ZipEntry updaterEntry, Path file) throws InvalidModelException {
        MultiLayerNetwork net;
        INDArray expectedState;
        try {
            net = new MultiLayerNetwork(conf);
            net.init(coefficients, false);
            expectedState = updaterEntry == null ? null : net.getUpdater().getStateViewArray();
        } catch (RuntimeException e) {
            throw new InvalidModelException("damaged model file " + file + ": DL4J cannot build the network from it ("
                    + e.getMessage() + "). Copy the file again, or train the model again", e);
        }
        if (updaterEntry == null) {
            return net; // plain DL4J allows it; training would continue with a fresh optimizer state
        }
        if (expectedState == null || expectedState.length() == 0) {
            throw new InvalidModelException("damaged model file " + file + ": it holds optimizer state, but its "
                    + "optimizer keeps none. Copy the file again, or train the model again");
        }
        INDArray state = NdArrayEntry.read(zip, updaterEntry, expectedState.length(), expectedState.dataType(), file);
        try {
            net.getUpdater().setStateViewArray(net, state, false);
        } catch (RuntimeException e) {
            throw new InvalidModelException("damaged model file " + file + " (" + updaterEntry.getName() + "): DL4J "
                    + "cannot use the optimizer state (" + e.getMessage() + "). Copy the file again, or train the "
                    + "model again", e);
        }
        return net;
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

    private static MultiLayerConfiguration parse(String json, String where) throws InvalidModelException {
        try {
            return MultiLayerConfiguration.fromJson(json);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage().lines().findFirst().orElse("");
            throw new InvalidModelException("cannot use " + where + ": DL4J cannot read this network configuration ("
                    + why + "). The file is damaged or was saved by another DL4J version", e);
        }
    }

    /** The workbench trains and saves FLOAT networks: a DOUBLE or HALF one was made elsewhere, or altered. */
    private static DataType dataType(MultiLayerConfiguration conf, String where) throws InvalidModelException {
        DataType type = conf.getDataType() == null ? DataType.FLOAT : conf.getDataType();
        if (type != DataType.FLOAT) {
            throw new InvalidModelException("cannot use " + where + ": expected a FLOAT network (the workbench saves "
                    + "FLOAT), found " + type + ". The file was not saved by the DL4J Workbench, or was altered");
        }
        return type;
    }
}
