package org.dl4jworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.TinyKerasModels;
import org.dl4jworkbench.core.testing.SharedData;

/**
 * The class allow-list keeps step with the compiler: every configuration the workbench can
 * write passes the screen. When this fails after a change to SpecCompiler, add the new
 * DL4J class to {@link ConfigurationScreen} (after checking it is a plain configuration bean).
 */
class ConfigurationScreenTest {

    @Test
    void everyTemplateAndEveryLayerActivationOptimizerAndScheduleTheCompilerWritesIsAllowed() throws Exception {
        List<NetworkSpec> specs = sequentialSpecs();
        for (NetworkSpec spec : specs) {
            String json = SpecCompiler.compile(spec, 10).toJson();
            assertThatCode(() -> ConfigurationScreen.check(Json.mapper().readTree(json), Path.of("model.zip")))
                    .as(spec.name() + " " + spec.training()).doesNotThrowAnyException();
        }
    }

    /**
     * And with the graphs the workbench opens: transfer models compiled on the real MobileNet
     * (frozen, and trainable from a block), the whole MobileNet as imported from Keras, and
     * small Keras models. Every class they name is allowed, and every allowed class is needed
     * by them or by the compiler's networks (the list holds nothing more).
     */
    @Test
    void theGraphsOfTransferModelsAndImportedKerasModelsAreAllowedAndNeedEveryAllowedClass(@TempDir Path dir)
            throws Exception {
        Path dataRoot = GraphModels.installMobileNet(dir.resolve("data"));
        Map<String, org.deeplearning4j.nn.api.Model> graphs = new java.util.LinkedHashMap<>();
        graphs.put("transfer", GraphModels.transferGraph(GraphModels.transferSpec(null), dataRoot));
        graphs.put("transfer from block12", GraphModels.transferGraph(GraphModels.transferSpec("block12"), dataRoot));
        graphs.put("imported MobileNet", KerasImport.importModel(SharedData.mobileNet()).graph());
        graphs.put("Keras CNN", KerasImport.importModel(TinyKerasModels.functionalCnn(dir.resolve("cnn.h5"), 3)).graph());
        graphs.put("Keras Sequential", KerasImport.importModel(TinyKerasModels.sequentialDense(dir.resolve("seq.h5")))
                .multiLayer().toComputationGraph());
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (var graph : graphs.entrySet()) {
            String json = ((org.deeplearning4j.nn.graph.ComputationGraph) graph.getValue()).getConfiguration().toJson();
            JsonNode tree = Json.mapper().readTree(json);
            assertThatCode(() -> ConfigurationScreen.check(tree, Path.of("model.zip"))).as(graph.getKey())
                    .doesNotThrowAnyException();
            classes(tree, used);
        }
        for (NetworkSpec spec : sequentialSpecs()) {
            classes(Json.mapper().readTree(SpecCompiler.compile(spec, 10).toJson()), used);
        }
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        ConfigurationScreen.ALLOWED.values().forEach(allowed::addAll);
        allowed.removeAll(used);
        // Allowed before graphs; SpecCompiler now writes warmup as a MapSchedule (DL4J cannot read a RampSchedule back).
        assertThat(allowed).as("allowed, but no network needs them").containsOnly("org.nd4j.linalg.schedule.RampSchedule");
    }

    private static List<NetworkSpec> sequentialSpecs() {
        List<NetworkSpec> specs = new ArrayList<>();
        for (Template t : Templates.all()) {
            if (!t.spec().hasBackbone()) { // graphs have a screen of their own
                specs.add(t.spec());
            }
        }
        NetworkSpec base = Templates.find("lenet").orElseThrow().spec();
        for (Activation activation : Activation.values()) {
            specs.add(base.withLayers(List.of(ConvolutionSpec.of(4, 3, Padding.SAME, activation),
                    PoolingSpec.max(2), BatchNormSpec.create(), DropoutSpec.of(0.3), DenseSpec.of(8, activation))));
        }
        for (Optimizer optimizer : Optimizer.values()) {
            for (Schedule schedule : List.of(Schedule.CONSTANT, Schedule.COSINE, new Schedule.Step(2, 0.5))) {
                for (double warmup : new double[] {0, 0.5}) {
                    for (double l2 : new double[] {0, 1e-4}) {
                        specs.add(base.withTraining(base.training().withOptimizer(optimizer, 0.01)
                                .withSchedule(schedule, warmup).withL2(l2)));
                    }
                }
            }
        }
        return specs;
    }

    private static void classes(JsonNode node, java.util.Set<String> into) {
        if (node.has("@class")) {
            into.add(node.get("@class").asText());
        }
        node.elements().forEachRemaining(child -> classes(child, into));
    }

    @Test
    void everyAllowedNameIsARealClassOfTheTypeItsRoleNeeds() throws Exception {
        Map<String, Class<?>> roles = Map.of(
                "layers", org.deeplearning4j.nn.conf.layers.Layer.class,
                "vertices", org.deeplearning4j.nn.conf.graph.GraphVertex.class,
                "preprocessors", org.deeplearning4j.nn.conf.InputPreProcessor.class,
                "activations", org.nd4j.linalg.activations.IActivation.class,
                "optimizers", org.nd4j.linalg.learning.config.IUpdater.class,
                "schedules", org.nd4j.linalg.schedule.ISchedule.class,
                "regularization", org.nd4j.linalg.learning.regularization.Regularization.class,
                "loss functions", org.nd4j.linalg.lossfunctions.ILossFunction.class,
                "weight initialisation", org.deeplearning4j.nn.weights.IWeightInit.class,
                "dropout", org.deeplearning4j.nn.conf.dropout.IDropout.class);
        assertThat(ConfigurationScreen.ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(roles.keySet());
        for (var role : ConfigurationScreen.ALLOWED.entrySet()) {
            for (String name : role.getValue()) {
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                assertThat(roles.get(role.getKey())).as(name).isAssignableFrom(type);
            }
        }
    }
}
