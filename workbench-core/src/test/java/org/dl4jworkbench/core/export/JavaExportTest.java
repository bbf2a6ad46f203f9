package org.dl4jworkbench.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.PoolingType;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Size2;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported Java, compiled by the JDK's compiler and run: for every sequential template and
 * for edited networks with what the templates lack, it builds a configuration equal to
 * {@link SpecCompiler}'s, for the minibatch counts a run may have.
 */
class JavaExportTest {

    /** Minibatches per epoch to compare at: shapes only, a small dataset, mnist-mini at batch 32, CIFAR-10 at 32. */
    private static final int[] ITERATIONS = {1, 7, 313, 1563};

    @TempDir
    Path dir;

    static List<Template> sequentialTemplates() {
        return Templates.all().stream().filter(t -> !t.spec().hasBackbone()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequentialTemplates")
    void everySequentialTemplateExportsToCodeThatBuildsTheWorkbenchsConfiguration(Template template) throws Exception {
        assertExportEqualsCompiler(template.spec(), JavaExport.defaultClassName(template.spec()));
    }

    @Test
    void everyTemplateHasAnExport() {
        for (Template t : Templates.all()) {
            assertThat(JavaExport.generate(t.spec(), JavaExport.defaultClassName(t.spec()))).as(t.id())
                    .contains("public class " + JavaExport.defaultClassName(t.spec()) + " {");
        }
    }

    /** Layer kinds and settings the templates lack: batch norm after dense, strides, even 'same' kernels, ... */
    @Test
    void anEditedNetworkWithEveryLayerKindExportsEqually() throws Exception {
        NetworkSpec spec = new NetworkSpec("edited: all kinds", new InputSpec(30, 26, 3), List.of(
                new ConvolutionSpec(null, 6, new Size2(4, 4), Size2.square(2), Padding.SAME, Activation.LEAKY_RELU),
                BatchNormSpec.create(),
                new ConvolutionSpec("wide", 5, new Size2(3, 5), new Size2(1, 2), Padding.VALID, Activation.ELU),
                new PoolingSpec(null, PoolingType.AVERAGE, Size2.square(2), Size2.square(1), Padding.SAME),
                new PoolingSpec(null, PoolingType.MAX, new Size2(3, 2), new Size2(2, 1), Padding.VALID),
                DropoutSpec.of(0.25),
                DenseSpec.of(20, Activation.TANH), BatchNormSpec.create(), DropoutSpec.of(0.7),
                DenseSpec.of(12, Activation.SIGMOID), DenseSpec.of(9, Activation.IDENTITY)),
                new OutputSpec(4), new TrainingSpec(Optimizer.NESTEROV, 0.05, 0.85, 16, 4, 1e-4, 987654321987L,
                        new Schedule.Step(2, 0.5), 0, null));
        assertExportEqualsCompiler(spec, "com.example.nets.AllKinds");
    }

    @Test
    void everyOptimizerAndScheduleWithAndWithoutWarmUpExportsEqually() throws Exception {
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        List<Schedule> schedules = List.of(Schedule.CONSTANT, new Schedule.Step(1, 0.3), Schedule.COSINE);
        int n = 0;
        for (Optimizer optimizer : Optimizer.values()) {
            for (Schedule schedule : schedules) {
                for (double warmup : new double[] {0, 0.5}) {
                    TrainingSpec t = lenet.training().withOptimizer(optimizer, 0.003).withSchedule(schedule, warmup)
                            .withEpochs(3);
                    assertExportEqualsCompiler(lenet.withTraining(t), "Variant" + n++);
                }
            }
        }
    }

    @Test
    void namesAndTextFromTheUserCannotBreakTheCode() throws Exception {
        NetworkSpec spec = Templates.find("mlp").orElseThrow().spec().withName("*/ \"quoted\" \\u000a\nnet é")
                .withLayers(List.of(new DenseSpec("say \"hi\" */ \\u0022 \\", 8, Activation.RELU),
                        new DenseSpec("tab\there\nnewline ünï", 8, Activation.RELU)));
        assertExportEqualsCompiler(spec, "Awkward");
    }

    @Test
    void theMainMethodBuildsTheNetworkAndPrintsItsSummary() throws Exception {
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        var generated = GeneratedClass.compile("Mlp", JavaExport.generate(mlp, "Mlp"), dir);
        var bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            generated.type().getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(before);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("dense1", "118,282", "\"backpropType\"");
    }

    @Test
    void theCodeNamesEachLayerAsTheWorkbenchShowsIt() {
        String code = JavaExport.generate(Templates.find("lenet").orElseThrow().spec(), "LeNet");
        assertThat(code).contains("// conv1: convolution 5x5x20, stride 1, valid, identity -> 24x24x20, 520 parameters",
                "// pool1: pooling max 2x2, stride 2, valid -> 12x12x20, 0 parameters",
                ".setInputType(InputType.convolutional(28, 28, 1))", ".l2(5.0E-4)",
                "public static final int BATCH_SIZE = 32;", "public static MultiLayerConfiguration configuration(int "
                + "iterationsPerEpoch)", "public static void main(String[] args)");
    }

    @Test
    void anInvalidNetworkIsRefusedWithItsProblems() {
        NetworkSpec bad = Templates.find("mlp").orElseThrow().spec().withLayers(List.of(
                PoolingSpec.max(8), ConvolutionSpec.of(8, 5, Padding.VALID, Activation.RELU)));
        assertThatThrownBy(() -> JavaExport.generate(bad, "Bad")).isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("conv1");
    }

    @Test
    void classNamesThatJavaRefusesAreRefused() {
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        for (String name : new String[] {"", "2Net", "my-net", "class", "a..B", "Net "}) {
            assertThat(JavaExport.classNameProblem(name)).as(name).isPresent();
            assertThatThrownBy(() -> JavaExport.generate(mlp, name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a Java class name");
        }
        assertThat(JavaExport.classNameProblem("com.example.LeNet")).isEmpty();
    }

    @Test
    void defaultClassNamesAreJavaNamesMadeFromTheNetworksName() {
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        assertThat(JavaExport.defaultClassName(mlp.withName("mnist-cnn"))).isEqualTo("MnistCnn");
        assertThat(JavaExport.defaultClassName(mlp.withName("2 convs"))).isEqualTo("Net2Convs");
        assertThat(JavaExport.defaultClassName(mlp.withName("***"))).isEqualTo("Net");
        for (Template t : Templates.all()) {
            assertThat(JavaExport.classNameProblem(JavaExport.defaultClassName(t.spec()))).isEmpty();
        }
    }

    /**
     * Compiles the export of {@code spec} and compares what its {@code configuration} builds with
     * what {@code SpecCompiler} compiles: as JSON (every field DL4J saves) and with {@code equals}.
     */
    private void assertExportEqualsCompiler(NetworkSpec spec, String className) throws Exception {
        String source = JavaExport.generate(spec, className);
        Path out = Files.createTempDirectory(dir, "classes");
        var generated = GeneratedClass.compile(className, source, out);
        boolean perIteration = generated.parameterCount("configuration") == 1;
        for (int iterations : perIteration ? ITERATIONS : new int[] {1}) {
            var exported = (MultiLayerConfiguration) (perIteration ? generated.call("configuration", iterations)
                    : generated.call("configuration"));
            MultiLayerConfiguration compiled = SpecCompiler.compile(spec, iterations);
            List<String> differences = differences("", Json.mapper().readTree(compiled.toJson()),
                    Json.mapper().readTree(exported.toJson()));
            assertThat(differences).as("%s at %d minibatches per epoch; source:%n%s", className, iterations,
                    GeneratedClass.numbered(source)).isEmpty();
            assertThat(exported).as(className).isEqualTo(compiled);
        }
        if (!perIteration) {
            // Nothing in it depends on the minibatches per epoch: any count gives the same.
            assertThat(generated.call("configuration")).isEqualTo(SpecCompiler.compile(spec, 313));
        }
    }

    /** Paths where {@code expected} and {@code actual} differ (objects compared key by key, in any order). */
    static List<String> differences(String path, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                var e = it.next();
                found.addAll(differences(path + "/" + e.getKey(), e.getValue(), actual.path(e.getKey())));
            }
            actual.fieldNames().forEachRemaining(k -> {
                if (!expected.has(k)) {
                    found.add(path + "/" + k + ": not expected, found " + actual.get(k));
                }
            });
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                found.addAll(differences(path + "/" + i, expected.get(i), actual.get(i)));
            }
        } else if (!expected.equals(actual)) {
            found.add(path + ": expected " + expected + ", found " + actual);
        }
        return found;
    }
}
