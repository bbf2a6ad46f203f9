package org.dl4jworkbench.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.dl4jworkbench.core.compile.TransferCompiler;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.TinyKerasModels;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Explanations of graphs: frozen layers and batch normalization, Keras's channels-last layout, and the real transfer model. */
class GraphExplainTest {

    @TempDir
    Path dir;

    /**
     * A small graph in double precision with what a frozen MobileNet backbone has: frozen
     * convolutions, batch normalization with non-trivial running statistics, a separate relu.
     * (The relu works in place on the normalization's output: DL4J's own {@code feedForward}
     * then reports the normalization's output after the relu.)
     */
    static ComputationGraph frozenBatchNormGraph() {
        return frozenBatchNormGraph(true, true);
    }

    static ComputationGraph frozenBatchNormGraph(boolean freeze, boolean withBn) {
        var builder = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.DOUBLE).graphBuilder()
                .addInputs("in")
                .addLayer("c1", new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.IDENTITY).build(), "in");
        if (withBn) {
            builder.addLayer("bn1", new BatchNormalization.Builder().build(), "c1");
        }
        var conf = builder
                .addLayer("r1", new ActivationLayer.Builder().activation(Activation.RELU).build(), withBn ? "bn1" : "c1")
                .addLayer("p1", new SubsamplingLayer.Builder(2, 2).stride(2, 2).build(), "r1")
                .addLayer("c2", new ConvolutionLayer.Builder(3, 3).nOut(5).activation(Activation.TANH).build(), "p1")
                .addLayer("d", new DenseLayer.Builder().nOut(6).activation(Activation.SIGMOID).build(), "c2")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "d")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(14, 14, 3))
                .build();
        var graph = new ComputationGraph(conf);
        graph.init();
        Nd4j.getRandom().setSeed(12);
        var bn = graph.getLayer(withBn ? "bn1" : "c1");
        if (withBn) {
            bn.setParam("mean", Nd4j.rand(DataType.DOUBLE, 1, 4).subi(0.5));
        bn.setParam("log10stdev", Nd4j.rand(DataType.DOUBLE, 1, 4).subi(0.5));
        bn.setParam("gamma", Nd4j.rand(DataType.DOUBLE, 1, 4).addi(0.5));
            bn.setParam("beta", Nd4j.rand(DataType.DOUBLE, 1, 4).subi(0.5));
        }
        // The transfer builder makes a float graph; the finite differences need doubles.
        return freeze ? new TransferLearning.GraphBuilder(graph).setFeatureExtractor("r1").build()
                .convertDataType(DataType.DOUBLE) : graph;
    }

    @Test
    void theGraphWalksGradientThroughFrozenLayersAndBatchNormIsTheLogitsGradient() {
        ComputationGraph graph = frozenBatchNormGraph();
        assertThat(graph.getLayer("bn1")).isInstanceOf(org.deeplearning4j.nn.layers.FrozenLayer.class);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 3, 14, 14);
        int cls = 1;
        double cosine = GradientCheckTest.agreement(new GraphWalk(graph), x, cls, in -> {
            var acts = graph.feedForward(in, false);
            var out = graph.getLayer("out");
            return acts.get("d").mmul(out.getParam("W")).getDouble(cls) + out.getParam("b").getDouble(cls);
        });
        assertThat(cosine).isGreaterThan(0.999);
    }

    @Test
    void gradCamOnAGraphDefaultsToTheLastConvolutionAndTakesANamedLayer() {
        ComputationGraph graph = frozenBatchNormGraph();
        var explainer = new Explainer(model(Network.of(graph), 14, 14, 3, List.of("a", "b", "c"), null));
        assertThat(explainer.convolutionLayers()).containsExactly("c1", "c2");
        assertThat(explainer.defaultLayer()).contains("c2");
        // A layer asked for by name is used as it is; the relu after the first convolution works too.
        Explanation first = explainer.explain(gray(14, 14, 3), ExplainMethod.GRAD_CAM, "c1", null);
        assertThat(first.layer()).isEqualTo("c1");
        assertThat(first.layerWidth()).isEqualTo(12);
        assertThat(first.width()).isEqualTo(14);
        assertThat(explainer.explain(gray(14, 14, 3), ExplainMethod.GRAD_CAM, "r1", null).layerWidth()).isEqualTo(12);
    }

    /** A graph imported from Keras takes its images channels-last, and its maps come back laid over the image. */
    @Test
    void aKerasGraphTakingChannelsLastGivesMapsOfTheInputsSize() throws Exception {
        Path h5 = TinyKerasModels.functionalCnn(dir.resolve("tiny.h5"), 3);
        ComputationGraph graph = KerasImport.importModel(h5).graph();
        Network network = Network.of(graph);
        assertThat(network.channelsLast()).isTrue();
        var explainer = new Explainer(model(network, 8, 8, 3, List.of("x", "y", "z"), null));
        for (ExplainMethod method : ExplainMethod.values()) {
            Explanation e = explainer.explain(gray(8, 8, 3), method, null, null);
            assertThat(e.width()).isEqualTo(8);
            assertThat(e.height()).isEqualTo(8);
            assertThat(e.layer()).isEqualTo(method == ExplainMethod.GRAD_CAM ? "conv2d" : Explanation.INPUT);
            assertThat(ExplainerTest.isZero(e.map())).isFalse();
        }
    }

    /** The transfer template on the real MobileNet: Grad-CAM on the backbone's last block, at 224x224. */
    @Test
    void theTransferModelGivesAMapOfItsInputsSize() throws Exception {
        Path target = PretrainedCatalog.MOBILENET_V1_075.modelFile(dir);
        Files.createDirectories(target.getParent());
        Files.copy(SharedData.mobileNet(), target);
        NetworkSpec spec = Templates.find(Templates.TRANSFER).orElseThrow().spec();
        ComputationGraph graph = TransferCompiler.compile(spec, Pretrained.load(spec.backbone().model(), dir), 1);
        var explainer = new Explainer(model(Network.of(graph), 224, 224, 3, List.of("cat", "dog"), spec));

        Explanation e = explainer.explain(gray(160, 120, 3), ExplainMethod.GRAD_CAM, null, null);

        assertThat(e.layer()).isEqualTo("conv_pw_13_relu");
        assertThat(e.layerWidth()).isEqualTo(7);
        assertThat(e.width()).isEqualTo(224);
        assertThat(e.height()).isEqualTo(224);
        assertThat(e.map()).hasSize(224 * 224);
        Explanation s = explainer.explain(gray(160, 120, 3), ExplainMethod.SALIENCY, null, null);
        assertThat(s.layerWidth()).isEqualTo(224);
        assertThat(ExplainerTest.isZero(s.map())).isFalse();
    }

    /**
     * MobileNet as imported from Keras, used as it is: its last "convolution" (conv_preds, the
     * classifier over pooled features) works on a 1x1 map, so Grad-CAM's default is the last
     * block's relu; the score is the logit before the softmax layer Keras ends with.
     */
    @Test
    void thePretrainedKerasMobileNetDefaultsToItsLastBlock() throws Exception {
        Path target = PretrainedCatalog.MOBILENET_V1_075.modelFile(dir);
        Files.createDirectories(target.getParent());
        Files.copy(SharedData.mobileNet(), target);
        var explainer = new Explainer(Pretrained.model(PretrainedCatalog.MOBILENET_V1_075.id(), dir));
        assertThat(explainer.convolutionLayers()).contains("conv_pw_13", "conv_preds");
        assertThat(explainer.defaultLayer()).contains("conv_pw_13_relu");
        Explanation e = explainer.explain(gray(160, 120, 3), ExplainMethod.GRAD_CAM, null, null);
        assertThat(e.layerWidth()).isEqualTo(7);
        assertThat(e.map()).hasSize(224 * 224);
        assertThat(e.target().probability()).isEqualTo(e.prediction().best().probability());
    }

    /** A smooth made-up picture: a bright disc on a gradient. */
    static DecodedImage gray(int width, int height, int channels) {
        byte[] pixels = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - width / 3.0;
                double dy = y - height / 2.0;
                boolean disc = dx * dx + dy * dy < width * height / 16.0;
                for (int c = 0; c < channels; c++) {
                    pixels[(y * width + x) * channels + c] = (byte) (disc ? 230 - 40 * c : 20 + 100 * x / width);
                }
            }
        }
        return new DecodedImage("png", width, height, channels, pixels);
    }

    static LoadedModel model(Network network, int height, int width, int channels, List<String> classes,
                             NetworkSpec spec) {
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", "2026-12-01T00:00:00Z",
                classes, height, width, channels, new Normalizer(Normalizer.SYMMETRIC, null, null), "test", 1, 0.0,
                spec == null ? null : SpecJson.toTree(spec));
        return new LoadedModel(network, metadata, spec, Duration.ZERO);
    }
}
