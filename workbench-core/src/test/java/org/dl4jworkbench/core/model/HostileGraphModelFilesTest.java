package org.dl4jworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.KerasModels;
import org.dl4jworkbench.core.keras.TinyKerasModels;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph model files from a stranger, as {@link HostileModelFilesTest} for sequential ones: an
 * imported Keras CNN (small, so each altered copy is quick to write) and a real transfer model
 * from MobileNet, each altered one way, refused with a message before DL4J reads it.
 */
class HostileGraphModelFilesTest {

    @TempDir
    static Path shared;
    static Map<String, byte[]> imported;
    static Map<String, byte[]> transfer;

    @TempDir
    Path dir;

    @BeforeAll
    static void saveGoodGraphs() throws Exception {
        Path h5 = TinyKerasModels.functionalCnn(shared.resolve("cnn.h5"), 3);
        Path cnn = shared.resolve("cnn.zip");
        KerasModels.save(KerasImport.importModel(h5), Normalization.SCALE, List.of("a", "b", "c"), cnn);
        imported = ZipFixtures.read(cnn);

        Path dataRoot = GraphModels.installMobileNet(shared.resolve("data"));
        NetworkSpec spec = GraphModels.transferSpec(null);
        Path file = shared.resolve("transfer.zip");
        ModelFiles.save(Network.of(GraphModels.transferGraph(spec, dataRoot)), GraphModels.transferMetadata(spec), file);
        transfer = ZipFixtures.read(file);
    }

    @Test
    void theUnalteredGraphsLoad() throws Exception {
        assertThat(ModelFiles.load(write(imported)).classNames()).containsExactly("a", "b", "c");
        assertThat(ModelFiles.load(write(transfer)).classNames()).containsExactly("cat", "dog");
    }

    @Test
    void anInjectedPreprocessorIsRefusedWithoutDeserializingIt() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HostileModelFilesTest.Tripwire());
        }
        Map<String, byte[]> entries = new LinkedHashMap<>(transfer);
        entries.put("preprocessor.bin", bytes.toByteArray());
        HostileModelFilesTest.DESERIALIZED.set(false);
        assertThat(refusal(write(entries), UnsafeModelException.class)).contains("'preprocessor.bin'",
                "Java deserialization");
        assertThat(HostileModelFilesTest.DESERIALIZED).isFalse();
    }

    @Test
    void aClassOutsideTheAllowListInAVertexIsRefused() throws Exception {
        ObjectNode config = config(imported);
        ((ObjectNode) config.at("/vertices/dense/layerConf/layer")).put("@class", "java.net.URL");
        assertThat(refusal(withConfig(imported, config), UnsafeModelException.class))
                .contains("names the class 'java.net.URL' at vertices.dense.layerConf.layer", "vertices: LayerVertex");
    }

    @Test
    void aGadgetInsideAFrozenLayerIsRefused() throws Exception {
        ObjectNode config = config(transfer);
        ((ObjectNode) config.at("/vertices/conv1/layerConf/layer/layer/activationFn"))
                .put("@class", "org.springframework.context.support.ClassPathXmlApplicationContext");
        assertThat(refusal(withConfig(transfer, config), UnsafeModelException.class))
                .contains("at vertices.conv1.layerConf.layer.layer.activationFn");
    }

    @Test
    void aVertexOfAnUnknownKindIsRefused() throws Exception {
        ObjectNode config = config(imported);
        ((ObjectNode) config.at("/vertices/dense")).put("@class", "org.deeplearning4j.nn.conf.graph.L2Vertex");
        assertThat(refusal(withConfig(imported, config), UnsafeModelException.class))
                .contains("'org.deeplearning4j.nn.conf.graph.L2Vertex' at vertices.dense");
    }

    @Test
    void anAbsurdParameterCountIsRefusedBeforeAllocating() throws Exception {
        ObjectNode config = config(imported);
        ((ObjectNode) config.at("/vertices/dense/layerConf/layer")).put("nin", 1_000_000_000L).put("nout", 1_000L);
        assertThat(refusal(withConfig(imported, config), UnsafeModelException.class))
                .contains("parameters", "more than the 200,000,000 the workbench loads", "Nothing was allocated");
    }

    @Test
    void coefficientsLargerThanTheConfigurationImpliesAreRefused() throws Exception {
        byte[] coefficients = transfer.get("coefficients.bin");
        Map<String, byte[]> entries = new LinkedHashMap<>(transfer);
        entries.put("coefficients.bin", java.util.Arrays.copyOf(coefficients, coefficients.length + 5_000_000));
        assertThat(refusal(write(entries), UnsafeModelException.class)).contains("'coefficients.bin' unpacks to more than");
    }

    @Test
    void coefficientsWhoseHeaderDeclaresAHugeArrayAreRefusedBeforeAllocating() throws Exception {
        byte[] coefficients = imported.get("coefficients.bin").clone();
        java.nio.ByteBuffer.wrap(coefficients).putLong(0x62, 4_000_000_000_000L); // the data header's length
        Map<String, byte[]> entries = new LinkedHashMap<>(imported);
        entries.put("coefficients.bin", coefficients);
        assertThat(refusal(write(entries), InvalidModelException.class))
                .contains("coefficients.bin", "found 4000000000000 values");
    }

    @Test
    void aTruncatedOrCorruptGraphZipIsDamaged() throws Exception {
        Path good = write(transfer);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(truncated, InvalidModelException.class)).contains("is not a zip archive");

        List<ZipFixtures.RawEntry> raw = new ArrayList<>();
        transfer.forEach((name, content) -> {
            var entry = ZipFixtures.deflated(name, content);
            raw.add(name.equals("coefficients.bin")
                    ? new ZipFixtures.RawEntry(name, entry.method(), entry.data(), entry.crc() ^ 1, entry.size())
                    : entry);
        });
        Path corrupt = dir.resolve("corrupt.zip");
        ZipFixtures.write(corrupt, raw);
        assertThat(refusal(corrupt, InvalidModelException.class)).contains("damaged model file",
                "'coefficients.bin' cannot be read", "CRC");
    }

    @Test
    void aGraphWithTwoOutputsIsRefused() throws Exception {
        ObjectNode config = config(imported);
        config.putArray("networkOutputs").add("dense").add("conv2d");
        assertThat(refusal(withConfig(imported, config), InvalidModelException.class))
                .contains("expected a graph with one image input and one output", "networkOutputs");
    }

    @Test
    void verticesInACycleAreRefused() throws Exception {
        ObjectNode config = config(imported);
        config.with("vertexInputs").putArray("conv2d").add("dense");
        assertThat(refusal(withConfig(imported, config), InvalidModelException.class)).contains("configuration.json");
    }

    @Test
    void anImportWhoseMetadataNamesMoreClassesThanOutputsIsRefused() throws Exception {
        ObjectNode metadata = metadata(imported);
        metadata.putArray("class_names").add("a").add("b").add("c").add("d");
        assertThat(refusal(withMetadata(imported, metadata), InvalidModelException.class))
                .contains("the network has 3 outputs but workbench.json names 4 classes");
    }

    @Test
    void aModelWithNeitherSpecNorKerasOriginIsRefused() throws Exception {
        ObjectNode metadata = metadata(imported);
        metadata.remove("keras_import");
        assertThat(refusal(withMetadata(imported, metadata), InvalidModelException.class))
                .contains("expected either a network spec", "or keras_import", "found neither");
    }

    @Test
    void aKerasOriginInAFormatOneFileIsRefused() throws Exception {
        ObjectNode metadata = metadata(imported);
        metadata.put("format_version", 1);
        assertThat(refusal(withMetadata(imported, metadata), InvalidModelException.class))
                .contains("expected format_version 2 for a model imported from Keras, found 1");
    }

    @Test
    void aTransferModelWhoseSpecDiffersFromItsHeadIsRefused() throws Exception {
        ObjectNode metadata = metadata(transfer);
        NetworkSpec spec = GraphModels.transferSpec(null);
        metadata.set("network", SpecJson.toTree(spec.withLayers(List.of(DropoutSpec.of(0.5)))));
        assertThat(refusal(withMetadata(transfer, metadata), InvalidModelException.class))
                .contains("the network is not the one the spec in workbench.json describes",
                        "layer 'dropout1' is not a dropout of rate 0.5");
    }

    @Test
    void aTransferModelWithAnUnfrozenBackboneLayerIsRefused() throws Exception {
        ObjectNode config = config(transfer);
        ObjectNode layerConf = (ObjectNode) config.at("/vertices/conv_dw_3/layerConf");
        layerConf.set("layer", layerConf.at("/layer/layer"));
        assertThat(refusal(withConfig(transfer, config), InvalidModelException.class))
                .contains("vertex 'conv_dw_3' is trainable, but the spec freezes the backbone up to "
                        + "'global_average_pooling2d_1'");
    }

    private static ObjectNode config(Map<String, byte[]> entries) throws Exception {
        return (ObjectNode) Json.mapper().readTree(entries.get("configuration.json"));
    }

    private static ObjectNode metadata(Map<String, byte[]> entries) throws Exception {
        return (ObjectNode) Json.mapper().readTree(entries.get(ModelFiles.METADATA_ENTRY));
    }

    private Path withConfig(Map<String, byte[]> good, JsonNode config) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(good);
        entries.put("configuration.json", Json.mapper().writeValueAsBytes(config));
        return write(entries);
    }

    private Path withMetadata(Map<String, byte[]> good, JsonNode metadata) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(good);
        entries.put(ModelFiles.METADATA_ENTRY, Json.mapper().writeValueAsBytes(metadata));
        return write(entries);
    }

    private Path write(Map<String, byte[]> entries) throws Exception {
        Path file = dir.resolve("model.zip");
        ZipFixtures.write(file, ZipFixtures.deflated(entries));
        return file;
    }

    private static String refusal(Path file, Class<? extends InvalidModelException> type) {
        long start = System.nanoTime();
        InvalidModelException e = catchThrowableOfType(type, () -> ModelFiles.load(file));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).as("expected a refusal of " + file).isNotNull();
        assertThat(took).as("time to refuse: " + e.getMessage()).isLessThan(HostileModelFilesTest.QUICKLY);
        assertThat(e.getMessage()).doesNotContain("Exception");
        return e.getMessage();
    }
}
