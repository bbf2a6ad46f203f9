package org.dl4jworkbench.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transfer template compiles to the graph its analysis describes, from the real pretrained MobileNet. */
class TransferCompilerTest {

    static ComputationGraph mobileNet;

    @BeforeAll
    static void importMobileNet() throws Exception {
        mobileNet = KerasImport.importModel(SharedData.file("mobilenet_v1_0.75_224_imagenet.h5")).graph();
    }

    static NetworkSpec template() {
        return Templates.find(Templates.TRANSFER).orElseThrow().spec();
    }

    @Test
    void theBackboneFactsAreTheImportedNetworks() {
        var backbone = Backbones.find(Backbones.MOBILENET_V1).orElseThrow();
        List<String> order = mobileNet.getConfiguration().getTopologicalOrderStr();
        long upToCut = 0;
        for (String vertex : order.subList(0, order.indexOf(backbone.cutAt()) + 1)) {
            var v = mobileNet.getVertex(vertex);
            upToCut += v.hasLayer() ? v.getLayer().numParams() : 0;
        }
        assertThat(backbone.parameters()).isEqualTo(upToCut).isEqualTo(1_832_976);
        for (var block : backbone.blocks()) {
            assertThat(order).as(block.name()).contains(block.lastVertex());
        }
        assertThat(mobileNet.getVertex(backbone.cutAt()).getLayer().conf().getLayer())
                .isInstanceOf(org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer.class);
    }

    @Test
    void theTemplateFreezesTheWholeBackboneAndCountsMatchTheAnalysis() {
        NetworkSpec spec = template().withOutput(new OutputSpec(5));
        ComputationGraph graph = TransferCompiler.compile(spec, mobileNet.clone(), 10);
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        assertThat(graph.numParams()).isEqualTo(analysis.totalParameters()).isEqualTo(1_832_976 + 768 * 5 + 5);
        assertThat(analysis.frozenParameters()).isEqualTo(1_832_976);
        assertThat(analysis.trainableParameters()).isEqualTo(768 * 5 + 5);
        assertThat(frozenParameters(graph)).isEqualTo(analysis.frozenParameters());
        assertThat(graph.getConfiguration().getNetworkOutputs()).containsExactly(OutputSpec.NAME);
        assertThat(graph.getConfiguration().getVertices()).doesNotContainKeys("conv_preds", "act_softmax");
    }

    @Test
    void trainingFromABlockFreezesOnlyTheBlocksBeforeIt() {
        NetworkSpec spec = template().withBackbone(template().backbone().withTrainableFrom("block12"))
                .withLayers(List.of(DenseSpec.of(64, Activation.RELU), BatchNormSpec.create()));
        ComputationGraph graph = TransferCompiler.compile(spec, mobileNet.clone(), 10);
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        assertThat(analysis.errors()).isEmpty();
        assertThat(graph.numParams()).isEqualTo(analysis.totalParameters());
        assertThat(frozenParameters(graph)).isEqualTo(analysis.frozenParameters());
        // block12 and block13 train: 4,992 + 297,984 + 9,984 + 592,896
        assertThat(analysis.trainableParameters() - (768 * 64 + 64) - 4 * 64 - (64 * 2 + 2)).isEqualTo(905_856);
    }

    @Test
    void layersThatDoNotFitTheBackbonesFeaturesAreNamedBeforeDl4jSeesThem() {
        NetworkSpec conv = template().withLayers(List.of(ConvolutionSpec.of(8, 3, Padding.SAME, Activation.RELU)));
        assertThat(NetworkAnalyzer.analyze(conv).errors()).singleElement()
                .satisfies(p -> assertThat(p.layerName()).isEqualTo("conv1"));
        NetworkSpec wrongInput = template().withInput(new InputSpec(128, 128, 3));
        assertThat(NetworkAnalyzer.analyze(wrongInput).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("takes 224x224x3 images"));
        NetworkSpec wrongScaling = template().withData(template().data().withNormalization(Normalization.SCALE));
        assertThat(NetworkAnalyzer.analyze(wrongScaling).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("symmetric"));
        NetworkSpec noBlock = template().withBackbone(template().backbone().withTrainableFrom("block99"));
        assertThat(NetworkAnalyzer.analyze(noBlock).errors()).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("block13"));
        assertThatThrownBy(() -> TransferCompiler.compile(conv, mobileNet, 1))
                .isInstanceOf(InvalidNetworkException.class);
        assertThatThrownBy(() -> SpecCompiler.compile(template()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TransferCompiler");
    }

    private static long frozenParameters(ComputationGraph graph) {
        long frozen = 0;
        for (var vertex : graph.getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer() instanceof FrozenLayer) {
                frozen += vertex.getLayer().numParams();
            }
        }
        return frozen;
    }
}
