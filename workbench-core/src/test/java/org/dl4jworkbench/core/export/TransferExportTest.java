package org.dl4jworkbench.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.compile.TransferCompiler;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.testing.SharedData;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported transfer-learning Java, compiled by the JDK's compiler and run on the real
 * pretrained MobileNet file: it builds the graph {@link TransferCompiler} builds, configuration
 * and weights alike.
 */
class TransferExportTest {

    static ComputationGraph mobileNet;

    @TempDir
    Path dir;

    @BeforeAll
    static void importMobileNet() throws Exception {
        mobileNet = KerasImport.importModel(SharedData.mobileNet()).graph();
    }

    static NetworkSpec template() {
        return Templates.find(Templates.TRANSFER).orElseThrow().spec();
    }

    @Test
    void theTransferTemplateExportsToCodeThatBuildsTheWorkbenchsGraph() throws Exception {
        assertExportEqualsCompiler(template(), "MobilenetTransfer");
    }

    @Test
    void aHeadOfSeveralLayersTrainingFromABlockWithACosineExportsEqually() throws Exception {
        NetworkSpec spec = template().withBackbone(template().backbone().withTrainableFrom("block12"))
                .withLayers(List.of(DenseSpec.of(32, Activation.RELU), BatchNormSpec.create(), DropoutSpec.of(0.3),
                        DenseSpec.of(16, Activation.TANH)))
                .withOutput(new OutputSpec(5))
                .withTraining(template().training().withOptimizer(Optimizer.RMSPROP, 0.0005).withL2(1e-4)
                        .withSchedule(Schedule.COSINE, 1));
        assertExportEqualsCompiler(spec, "org.example.Photos");
    }

    @Test
    void aBackboneThatTrainsFromItsFirstBlockExportsEqually() throws Exception {
        NetworkSpec spec = template().withBackbone(template().backbone().withTrainableFrom("conv1"))
                .withTraining(template().training().withOptimizer(Optimizer.NESTEROV, 0.01)
                        .withSchedule(new Schedule.Step(2, 0.5), 0));
        assertExportEqualsCompiler(spec, "AllTrains");
    }

    private void assertExportEqualsCompiler(NetworkSpec spec, String className) throws Exception {
        String source = JavaExport.generate(spec, className);
        var generated = GeneratedClass.compile(className, source, Files.createTempDirectory(dir, "classes"));
        boolean perIteration = generated.parameterCount("network") == 2;
        for (int iterations : perIteration ? new int[] {1, 313} : new int[] {1}) {
            var exported = (ComputationGraph) (perIteration
                    ? generated.call("network", SharedData.mobileNet(), iterations)
                    : generated.call("network", SharedData.mobileNet()));
            ComputationGraph compiled = TransferCompiler.compile(spec, mobileNet.clone(), iterations);
            List<String> differences = JavaExportTest.differences("",
                    Json.mapper().readTree(compiled.getConfiguration().toJson()),
                    Json.mapper().readTree(exported.getConfiguration().toJson()));
            assertThat(differences).as("%s at %d minibatches per epoch; source:%n%s", className, iterations,
                    GeneratedClass.numbered(source)).isEmpty();
            assertThat(exported.getConfiguration()).isEqualTo(compiled.getConfiguration());
            assertThat(exported.params()).as("the weights, pretrained and new (same seed)").isEqualTo(compiled.params());
        }
    }
}
