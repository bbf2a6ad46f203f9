package org.dl4jworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecJsonTest {

    static List<Template> templates() {
        return Templates.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateSurvivesASaveAndReload(Template template, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(template.id() + ".json");
        SpecJson.write(template.spec(), file);
        assertThat(SpecJson.read(file)).isEqualTo(template.spec());
    }

    /** A file written by version 1 must keep reading, and the field names must not drift. */
    @Test
    void fieldNamesAreStable() throws Exception {
        String golden = resource("/spec/lenet-v1.json");
        assertThat(SpecJson.fromJson(golden, "lenet-v1.json")).isEqualTo(Templates.find("lenet").orElseThrow().spec());
        assertThat(SpecJson.toJson(Templates.find("lenet").orElseThrow().spec())).isEqualTo(golden);
    }

    @Test
    void stepScheduleAndWarmupSurviveASaveAndReload() throws Exception {
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        NetworkSpec stepped = lenet.withTraining(lenet.training().withSchedule(new Schedule.Step(3, 0.1), 0.5));
        String json = SpecJson.toJson(stepped);
        assertThat(json).contains("\"type\" : \"step\"", "\"every_epochs\" : 3", "\"warmup_epochs\" : 0.5");
        assertThat(SpecJson.fromJson(json, "stepped.json")).isEqualTo(stepped);
    }

    @Test
    void optionalFieldsTakeTheirDefaultsAndAScalarKernelIsSquare() throws Exception {
        NetworkSpec spec = SpecJson.fromJson(minimal("""
                {"type": "convolution", "filters": 8, "kernel": 3},
                {"type": "pooling", "kernel": 2},
                {"type": "dense", "units": 16}"""), "mini.json");
        assertThat(spec.layers()).containsExactly(
                new ConvolutionSpec("conv1", 8, Size2.square(3), Size2.square(1), Padding.VALID, Activation.RELU),
                new PoolingSpec("pool1", PoolingType.MAX, Size2.square(2), Size2.square(2), Padding.VALID),
                new DenseSpec("dense1", 16, Activation.RELU));
    }

    @Test
    void unknownFieldIsNamedWithWhereAndWhatIsAllowed() {
        assertThatThrownBy(() -> SpecJson.fromJson(minimal("""
                {"type": "convolution", "filters": 8, "kernel": 3, "strides": 2}"""), "net.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessageStartingWith("net.json: unknown field \"strides\" in layers[0]")
                .hasMessageContaining("expected one of: activation, filters, kernel, name, padding, stride");
    }

    @Test
    void unknownNestedFieldNamesItsParent() {
        String json = minimal("").replace("\"output\":", "\"data\": {\"augmentation\": {\"flip\": true, \"mirror\": 1}},\n \"output\":");
        assertThatThrownBy(() -> SpecJson.fromJson(json, "net.json"))
                .hasMessage("net.json: unknown field \"mirror\" in data.augmentation; expected one of: flip, rotation, "
                        + "translation, zoom");
    }

    @Test
    void unknownLayerTypeListsTheKnownOnes() {
        assertThatThrownBy(() -> SpecJson.fromJson(minimal("{\"type\": \"lstm\", \"units\": 8}"), "net.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessageContaining("unknown layer type \"lstm\" in layers[0]")
                .hasMessageContaining("convolution, pooling, dense, dropout, batch-norm");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> SpecJson.fromJson(minimal("{\"type\": \"dense\"}"), "net.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessageContaining("missing field \"units\"");
    }

    @Test
    void invalidEnumValueListsTheAllowedValues() {
        assertThatThrownBy(() -> SpecJson.fromJson(minimal("{\"type\": \"dense\", \"units\": 8, \"activation\": \"rleu\"}"),
                "net.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessageContaining("invalid value rleu in layers[0].activation")
                .hasMessageContaining("relu, leaky-relu, elu, tanh, sigmoid, identity");
    }

    @Test
    void newerVersionIsRefusedWithAWayOut() {
        String json = minimal("").replace("\"version\": 1", "\"version\": 7");
        assertThatThrownBy(() -> SpecJson.fromJson(json, "future.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessage("future.json: written by a newer DL4J Workbench (network format version 7); this one "
                        + "reads versions up to 1. Update the workbench to open it.");
    }

    @Test
    void otherJsonIsNotMistakenForANetwork() {
        assertThatThrownBy(() -> SpecJson.fromJson("{\"name\": \"x\"}", "other.json"))
                .hasMessageContaining("not a DL4J Workbench network");
        assertThatThrownBy(() -> SpecJson.fromJson("[1, 2]", "list.json"))
                .hasMessageContaining("expected a JSON object describing a network, found array");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatThrownBy(() -> SpecJson.fromJson("{\n  \"format\": \"dl4j-workbench/network\",\n  \"version\": }",
                "broken.json"))
                .isInstanceOf(SpecFormatException.class)
                .hasMessageStartingWith("broken.json: not valid JSON at line 3, column");
    }

    @Test
    void readingAMissingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> SpecJson.read(dir.resolve("nope.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void writeReplacesTheFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.json");
        Files.writeString(file, "old content that is much longer than nothing at all ".repeat(100));
        SpecJson.write(Templates.find("mlp").orElseThrow().spec(), file);
        assertThat(SpecJson.read(file)).isEqualTo(Templates.find("mlp").orElseThrow().spec());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    private static String minimal(String layers) {
        return """
                {"format": "dl4j-workbench/network", "version": 1, "name": "t",
                 "input": {"height": 28, "width": 28, "channels": 1},
                 "layers": [%s],
                 "output": {"classes": 10},
                 "training": {"optimizer": "adam", "learning_rate": 0.001, "momentum": 0.9, "batch_size": 32,
                              "epochs": 1, "l2": 0, "seed": 1}}
                """.formatted(layers);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SpecJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
