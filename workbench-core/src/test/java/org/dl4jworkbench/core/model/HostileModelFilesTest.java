package org.dl4jworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files from a stranger: each hostile or damaged file is refused with a message that
 * names the problem, quickly, before DL4J reads it. The limit asserted is loose (5 s) because
 * the machines are shared; the refusals measured here take milliseconds.
 */
class HostileModelFilesTest {

    static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    static Path shared;
    static Path good;
    static Map<String, byte[]> goodEntries;

    @TempDir
    Path dir;

    /** Set when the serialized object below is read back: proof that deserialization ran. */
    static final AtomicBoolean DESERIALIZED = new AtomicBoolean();

    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            DESERIALIZED.set(true);
        }
    }

    @BeforeAll
    static void saveAGoodModel() throws Exception {
        NetworkSpec spec = Templates.find("mlp").orElseThrow().spec();
        MultiLayerNetwork net = new MultiLayerNetwork(SpecCompiler.compile(spec));
        net.init();
        good = shared.resolve("model.zip");
        ModelFiles.save(Network.of(net), metadata(spec, 10), good);
        goodEntries = ZipFixtures.read(good);
    }

    static ModelMetadata metadata(NetworkSpec spec, int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(String.valueOf(i));
        }
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", "2026-11-24T00:00:00Z", names,
                28, 28, 1, Normalizer.scale(), "mnist-mini", 1, 0.5, SpecJson.toTree(spec));
    }

    @Test
    void theUnalteredModelLoads() throws Exception {
        assertThat(ModelFiles.load(good).classNames()).hasSize(10);
    }

    @Test
    void aTextFileNamedZipIsNotAModelFile() throws Exception {
        Path file = dir.resolve("model.zip");
        Files.writeString(file, "these are my notes, not a model\n");
        assertThat(refusal(file, InvalidModelException.class))
                .startsWith("not a model file: " + file + " is not a zip archive (damaged or not a model); ");
    }

    @Test
    void aTruncatedZipIsNotAModelFile() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("model.zip");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(file, InvalidModelException.class)).contains("is not a zip archive");
    }

    @Test
    void anEmptyFileIsNotAModelFile() throws Exception {
        Path file = Files.createFile(dir.resolve("model.zip"));
        assertThat(refusal(file, InvalidModelException.class)).contains("is not a zip archive");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.zip");
        assertThat(refusal(file, InvalidModelException.class)).isEqualTo("cannot open model " + file
                + ": no such file. Give the path of a model.zip (train writes one into its run folder, e.g. "
                + "runs/NAME/model.zip)");
    }

    @Test
    void anInjectedPreprocessorIsRefusedWithoutDeserializingIt() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("preprocessor.bin", bytes.toByteArray());
        Path file = write(entries);

        DESERIALIZED.set(false);
        String message = refusal(file, UnsafeModelException.class);
        assertThat(message).contains("'preprocessor.bin'", "Java deserialization", "run any code");
        assertThat(DESERIALIZED).as("the workbench deserialized the entry").isFalse();

        // The threat is real: plain DL4J runs the object's readObject before it fails on the type.
        try {
            ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (RuntimeException expected) {
            // ClassCastException: a Tripwire is no DataSetPreProcessor, but its code has run
        }
        assertThat(DESERIALIZED).as("DL4J deserialized the entry").isTrue();
    }

    @Test
    void aNormalizerEntryIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("normalizer.bin", new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
        assertThat(refusal(write(entries), UnsafeModelException.class)).contains("'normalizer.bin'",
                "Java deserialization");
    }

    @Test
    void anEntryThatClimbsOutOfTheArchiveIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("../evil", "#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(write(entries), UnsafeModelException.class))
                .contains("the entry name '../evil' uses '..' to point outside the archive");
    }

    @Test
    void absoluteAndBackslashNamesAreRefused() throws Exception {
        for (String name : List.of("/etc/cron.d/evil", "C:/evil.bat", "..\\evil", "sub\\coefficients.bin")) {
            Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
            entries.put(name, new byte[] {1});
            assertThat(refusal(write(entries), UnsafeModelException.class)).as(name)
                    .contains("'" + name + "'").containsAnyOf("absolute path", "backslash");
        }
    }

    @Test
    void aDuplicatedEntryIsRefused() throws Exception {
        List<ZipFixtures.RawEntry> raw = new ArrayList<>(ZipFixtures.deflated(goodEntries));
        raw.add(ZipFixtures.deflated("configuration.json", "{}".getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve("model.zip");
        ZipFixtures.write(file, raw);
        assertThat(refusal(file, UnsafeModelException.class)).contains("'configuration.json' appears twice");
    }

    @Test
    void anUnexpectedEntryIsNamed() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("readme.txt", new byte[] {1});
        assertThat(refusal(write(entries), InvalidModelException.class)).contains("unexpected entry 'readme.txt'",
                "configuration.json, coefficients.bin, updaterState.bin, workbench.json");
    }

    @Test
    void aZipBombIsStoppedAtTheEntryLimit() throws Exception {
        // 256 MB of zeros in about 250 KB, declared as 5 KB: inflating it all would take a second and the memory.
        List<ZipFixtures.RawEntry> raw = new ArrayList<>();
        raw.add(ZipFixtures.deflatedWithZeros("configuration.json", new byte[0], 1L << 28, 5_000));
        goodEntries.forEach((name, content) -> {
            if (!name.equals("configuration.json")) {
                raw.add(ZipFixtures.deflated(name, content));
            }
        });
        Path file = dir.resolve("model.zip");
        ZipFixtures.write(file, raw);
        assertThat(Files.size(file)).isLessThan(1_000_000);
        assertThat(refusal(file, UnsafeModelException.class)).contains("'configuration.json' unpacks to more than "
                + "4,194,304 bytes", "zip bomb");
    }

    @Test
    void aBombBehindValidCoefficientsIsStoppedAtTheSizeTheConfigurationImplies() throws Exception {
        byte[] coefficients = goodEntries.get("coefficients.bin");
        List<ZipFixtures.RawEntry> raw = new ArrayList<>();
        goodEntries.forEach((name, content) -> {
            if (!name.equals("coefficients.bin")) {
                raw.add(ZipFixtures.deflated(name, content));
            }
        });
        raw.add(ZipFixtures.deflatedWithZeros("coefficients.bin", coefficients, 1L << 28, coefficients.length));
        Path file = dir.resolve("model.zip");
        ZipFixtures.write(file, raw);
        assertThat(refusal(file, UnsafeModelException.class))
                .contains("'coefficients.bin' unpacks to more than 474,152 bytes");
    }

    @Test
    void coefficientsLargerThanTheConfigurationImpliesAreRefused() throws Exception {
        byte[] coefficients = goodEntries.get("coefficients.bin");
        byte[] longer = java.util.Arrays.copyOf(coefficients, coefficients.length + 5_000_000);
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("coefficients.bin", longer);
        assertThat(refusal(write(entries), UnsafeModelException.class))
                .contains("'coefficients.bin' unpacks to more than");
    }

    @Test
    void coefficientsWhoseHeaderDeclaresAHugeArrayAreRefusedBeforeAllocating() throws Exception {
        byte[] coefficients = goodEntries.get("coefficients.bin").clone();
        // The data header's length field (a long after "MIXED_DATA_TYPES" the second time) at offset 0x62.
        java.nio.ByteBuffer.wrap(coefficients).putLong(0x62, 4_000_000_000_000L);
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("coefficients.bin", coefficients);
        assertThat(refusal(write(entries), InvalidModelException.class))
                .contains("coefficients.bin", "expected 118282 values", "found 4000000000000 values");
    }

    @Test
    void aClassOutsideTheAllowListIsRefused() throws Exception {
        ObjectNode config = config();
        ((ObjectNode) config.get("confs").get(0).get("layer")).put("@class", "java.net.URL");
        String message = refusal(withConfig(config), UnsafeModelException.class);
        assertThat(message).contains("names the class 'java.net.URL' at confs[0].layer",
                "DL4J would load and create any class", "layers: ConvolutionLayer");
    }

    @Test
    void aGadgetClassNestedAnywhereIsRefused() throws Exception {
        ObjectNode config = config();
        ((ObjectNode) config.get("confs").get(1).get("layer").get("activationFn"))
                .put("@class", "org.springframework.context.support.ClassPathXmlApplicationContext");
        assertThat(refusal(withConfig(config), UnsafeModelException.class))
                .contains("'org.springframework.context.support.ClassPathXmlApplicationContext' at "
                        + "confs[1].layer.activationFn");
    }

    @Test
    void aDuplicatedClassKeyIsRefused() throws Exception {
        String json = new String(goodEntries.get("configuration.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"@class\" : \"org.deeplearning4j.nn.conf.layers.DenseLayer\"",
                        "\"@class\" : \"org.deeplearning4j.nn.conf.layers.DenseLayer\", \"@class\" : \"java.net.URL\"");
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("configuration.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(write(entries), InvalidModelException.class)).contains("not valid JSON", "@class");
    }

    @Test
    void anAbsurdParameterCountIsRefusedBeforeAllocating() throws Exception {
        ObjectNode config = config();
        ((ObjectNode) config.get("confs").get(0).get("layer")).put("nout", 1_000_000_000L);
        ((ObjectNode) config.get("confs").get(1).get("layer")).put("nin", 1_000_000_000L);
        assertThat(refusal(withConfig(config), UnsafeModelException.class))
                .contains("parameters", "more than the 200,000,000 the workbench loads", "Nothing was allocated");
    }

    @Test
    void sizesThatOverflowTheParameterCountAreRefused() throws Exception {
        ObjectNode config = config();
        ((ObjectNode) config.get("confs").get(0).get("layer")).put("nin", Long.MAX_VALUE / 2);
        ((ObjectNode) config.get("confs").get(0).get("layer")).put("nout", Long.MAX_VALUE / 2);
        assertThat(refusal(withConfig(config), UnsafeModelException.class)).contains("parameters");
    }

    @Test
    void aPlainDl4jZipIsRefusedForItsMissingClassNamesAndPreprocessing() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.remove(ModelFiles.METADATA_ENTRY);
        assertThat(refusal(write(entries), InvalidModelException.class))
                .contains("plain DL4J model, not made by the DL4J Workbench", "class names",
                        "image preprocessing are unknown");
    }

    @Test
    void metadataThatDisagreesWithTheNetworkIsRefused() throws Exception {
        NetworkSpec spec = Templates.find("mlp").orElseThrow().spec();
        ModelMetadata eleven = metadata(spec.withOutput(new org.dl4jworkbench.core.spec.OutputSpec(11)), 11);
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put(ModelFiles.METADATA_ENTRY, Json.mapper().writeValueAsBytes(eleven));
        assertThat(refusal(write(entries), InvalidModelException.class))
                .contains("the network has 10 outputs but workbench.json names 11 classes");
    }

    @Test
    void metadataFromANewerWorkbenchSaysSo() throws Exception {
        ObjectNode metadata = (ObjectNode) Json.mapper().readTree(goodEntries.get(ModelFiles.METADATA_ENTRY));
        metadata.put("format_version", 99).put("a_field_from_the_future", true);
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put(ModelFiles.METADATA_ENTRY, Json.mapper().writeValueAsBytes(metadata));
        assertThat(refusal(write(entries), InvalidModelException.class))
                .contains("written by a newer DL4J Workbench (model format version 99)");
    }

    @Test
    void aDamagedEntryIsReportedAsDamaged() throws Exception {
        List<ZipFixtures.RawEntry> raw = new ArrayList<>();
        goodEntries.forEach((name, content) -> {
            var entry = ZipFixtures.deflated(name, content);
            raw.add(name.equals(ModelFiles.METADATA_ENTRY)
                    ? new ZipFixtures.RawEntry(name, entry.method(), entry.data(), entry.crc() ^ 1, entry.size())
                    : entry);
        });
        Path file = dir.resolve("model.zip");
        ZipFixtures.write(file, raw);
        assertThat(refusal(file, InvalidModelException.class)).contains("damaged model file",
                "'workbench.json' cannot be read", "CRC");
    }

    @Test
    void aDoubleOrHalfNetworkIsRefused() throws Exception {
        for (String type : List.of("DOUBLE", "HALF")) {
            ObjectNode config = config();
            assertThat(config.get("dataType").asText()).isEqualTo("FLOAT");
            config.put("dataType", type);
            assertThat(refusal(withConfig(config), InvalidModelException.class)).as(type)
                    .contains("configuration.json", "expected a FLOAT network", "found " + type);
        }
    }

    @Test
    void doubleOrHalfArraysAreRefused() throws Exception {
        assertThat(goodEntries).containsKeys("coefficients.bin", "updaterState.bin");
        for (DataType type : List.of(DataType.DOUBLE, DataType.HALF)) {
            for (String entry : List.of("coefficients.bin", "updaterState.bin")) {
                INDArray array;
                try (var in = new DataInputStream(new java.io.ByteArrayInputStream(goodEntries.get(entry)))) {
                    array = Nd4j.read(in);
                }
                var bytes = new ByteArrayOutputStream();
                try (var out = new DataOutputStream(bytes)) {
                    Nd4j.write(array.castTo(type), out);
                }
                Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
                entries.put(entry, bytes.toByteArray());
                assertThat(refusal(write(entries), InvalidModelException.class)).as(type + " " + entry)
                        .contains("(" + entry + ")", "expected FLOAT values", "found " + type + " values");
            }
        }
    }

    @Test
    void aConfigurationOtherThanItsSpecCompilesToIsRefused() throws Exception {
        ObjectNode config = config();
        // An allowed class, a network that loads and runs: but not the network workbench.json shows.
        ((ObjectNode) config.get("confs").get(0).get("layer").get("activationFn"))
                .put("@class", "org.nd4j.linalg.activations.impl.ActivationTanH");
        assertThat(refusal(withConfig(config), InvalidModelException.class)).contains("configuration.json",
                "the network is not the one the spec in workbench.json describes",
                "at confs[0].layer.activationFn.@class expected \"org.nd4j.linalg.activations.impl.ActivationReLU\", "
                        + "found \"org.nd4j.linalg.activations.impl.ActivationTanH\"");
    }

    @Test
    void aNetworkWhoseActivationsForOneImageExceedTheBoundIsRefusedBeforeAllocating() throws Exception {
        // 4096x4096 gray images, 8 filters: 134 million values after the first layer; 20,000 parameters in all.
        NetworkSpec spec = new NetworkSpec("wide", new InputSpec(4096, 4096, 1),
                List.of(ConvolutionSpec.of(8, 3, Padding.SAME, Activation.RELU),
                        PoolingSpec.max(256)), new OutputSpec(10), TrainingSpec.adam(0.001, 32, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(SpecCompiler.compile(spec));
        net.init();
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1",
                "2026-11-24T00:00:00Z", metadata(spec, 10).classNames(), 4096, 4096, 1, Normalizer.scale(),
                "mnist-mini", 1, 0.5, SpecJson.toTree(spec));
        Path file = dir.resolve("wide.zip");
        ModelFiles.save(Network.of(net), metadata, file);
        assertThat(refusal(file, UnsafeModelException.class))
                .contains("one image would need more than 100,000,000 activation values (at layer 'conv1')");
    }

    private static ObjectNode config() throws Exception {
        return (ObjectNode) Json.mapper().readTree(goodEntries.get("configuration.json"));
    }

    private Path withConfig(JsonNode config) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put("configuration.json", Json.mapper().writeValueAsBytes(config));
        return write(entries);
    }

    private Path write(Map<String, byte[]> entries) throws Exception {
        Path file = dir.resolve("model.zip");
        ZipFixtures.write(file, ZipFixtures.deflated(entries));
        return file;
    }

    /** Loads {@code file}, expecting a refusal of {@code type} within {@link #QUICKLY}; returns its message. */
    private static String refusal(Path file, Class<? extends InvalidModelException> type) {
        long start = System.nanoTime();
        InvalidModelException e = catchThrowableOfType(type, () -> ModelFiles.load(file));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).as("expected a refusal of " + file).isNotNull();
        assertThat(took).as("time to refuse: " + e.getMessage()).isLessThan(QUICKLY);
        assertThat(e.getMessage()).doesNotContain("Exception");
        return e.getMessage();
    }
}
