package org.dl4jworkbench.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.analysis.Shape;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The layers view's core on other networks: saturated sigmoids, graphs (channels first and
 * last), layers before an activation layer, a snapshot taken in training.
 */
class LayerInspectorNetworksTest {

    @TempDir
    static Path dir;
    static Dataset mini;
    static Path digit;

    @BeforeAll
    static void data() throws Exception {
        mini = Datasets.open("mnist-mini");
        digit = MnistModelFixture.writeDigit(mini.test(), 3, dir.resolve("digit.png"));
    }

    private static Predictor predictor(Network network) {
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", Instant.now().toString(),
                mini.classNames(), 28, 28, 1, Normalizer.scale(), mini.name(), 0, 0.0, null, null);
        return new Predictor(new LoadedModel(network, metadata, null, Duration.ZERO));
    }

    @Test
    void sigmoidsPressedAgainstTheirBoundsAreFlaggedSaturated() throws Exception {
        var spec = new NetworkSpec("sigmoid", new InputSpec(28, 28, 1),
                List.of(DenseSpec.of(64, org.dl4jworkbench.core.spec.Activation.SIGMOID)), new OutputSpec(10),
                TrainingSpec.adam(0.001, 32, 1));
        var net = new MultiLayerNetwork(SpecCompiler.compile(spec));
        net.init();
        LayerOutput calm = LayerInspector.inspect(predictor(Network.of(net)), digit).layers().get(0);
        assertThat(calm.activation()).isEqualTo("sigmoid");
        assertThat(calm.flagged(LayerFlag.Kind.SATURATED)).as("freshly initialised").isFalse();

        net.getLayer(0).getParam("W").muli(200);
        NetworkInspection inspection = LayerInspector.inspect(predictor(Network.of(net)), digit);
        LayerOutput hot = inspection.layers().get(0);
        assertThat(hot.flagged(LayerFlag.Kind.SATURATED)).isTrue();
        assertThat(hot.flags().get(0).reason()).contains("of the sigmoid outputs are within 0.01 of 0 or 1");
    }

    /** input -> conv 3x3x4 relu -> max pool 2 -> dense 16 -> softmax 10, in the layout given. */
    private static ComputationGraph graph(CNN2DFormat format) {
        var conf = new NeuralNetConfiguration.Builder().seed(7).graphBuilder()
                .addInputs("in")
                .addLayer("c1", new ConvolutionLayer.Builder(3, 3).nOut(4).dataFormat(format)
                        .activation(Activation.RELU).build(), "in")
                .addLayer("p1", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).dataFormat(format).build(), "c1")
                .addLayer("d", new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build(), "p1")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "d")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(28, 28, 1, format))
                .build();
        var graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    @Test
    void aGraphShowsItsLayersInOrderChannelsFirstOrLast() throws Exception {
        for (CNN2DFormat format : CNN2DFormat.values()) {
            ComputationGraph graph = graph(format);
            Predictor predictor = predictor(Network.of(graph));
            NetworkInspection inspection = LayerInspector.inspect(predictor, digit);

            assertThat(inspection.layers()).extracting(LayerOutput::name).containsExactly("c1", "p1", "d", "out");
            assertThat(inspection.layers()).extracting(LayerOutput::shape).containsExactly(Shape.image(26, 26, 4),
                    Shape.image(13, 13, 4), Shape.flat(16), Shape.flat(10));
            assertThat(inspection.firstFilters().orElseThrow().count()).isEqualTo(4);
            assertThat(inspection.firstFilters().orElseThrow().height()).isEqualTo(3);

            // map 2 of c1 is channel 2 of the activation, whichever layout the graph computes in
            INDArray x = predictor.model().network().input(input(predictor));
            INDArray c1 = graph.feedForward(x, false).get("c1");
            LayerOutput out = inspection.layers().get(0);
            float raw = format == CNN2DFormat.NCHW ? c1.getFloat(0, 2, 5, 7) : c1.getFloat(0, 5, 7, 2);
            float scaled = out.high() > out.low() ? (raw - out.low()) / (out.high() - out.low()) : 0;
            assertThat(out.maps().get(2).at(5, 7)).as(format.toString()).isCloseTo(scaled, within(1e-5f));

            float[] probabilities = inspection.layers().get(3).values();
            double[] predicted = predictor.predict(digit, 1).probabilities();
            for (int k = 0; k < 10; k++) {
                assertThat((double) probabilities[k]).isCloseTo(predicted[k], within(1e-6));
            }
            assertThat(inspection.layers().get(3).labels()).isEqualTo(mini.classNames());
        }
    }

    @Test
    void aLayerBeforeAnActivationLayerShowsItsOwnOutputNotTheActivationsWrittenOverIt() throws Exception {
        // as a Keras import has them: convolution, batch normalization, then a separate relu
        var conf = new NeuralNetConfiguration.Builder().seed(3).graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.IDENTITY).build(),
                        "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "bn")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "relu")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .build();
        var graph = new ComputationGraph(conf);
        graph.init();
        Predictor predictor = predictor(Network.of(graph));
        NetworkInspection inspection = LayerInspector.inspect(predictor, digit);

        assertThat(inspection.layers()).extracting(LayerOutput::name).containsExactly("conv", "bn", "relu", "out");
        LayerOutput bn = inspection.layers().get(1);
        assertThat(bn.activation()).isEmpty();
        assertThat(bn.stats().min()).as("a batch normalization's output has negative values").isNegative();
        assertThat(inspection.layers().get(2).stats().min()).isZero();
        // freshly initialised, the normalization divides by sqrt(1 + eps): its output is the
        // convolution's, a hair smaller
        LayerOutput conv = inspection.layers().get(0);
        double shrink = 1 / Math.sqrt(1 + 1e-5);
        assertThat(graph.getLayer("bn").getParam("mean").sumNumber().doubleValue()).isZero();
        assertThat(bn.low()).isCloseTo((float) (conv.low() * shrink), within(1e-5f));
        assertThat(bn.high()).isCloseTo((float) (conv.high() * shrink), within(1e-5f));
        float convRaw = conv.low() + conv.maps().get(4).at(9, 11) * (conv.high() - conv.low());
        float bnRaw = bn.low() + bn.maps().get(4).at(9, 11) * (bn.high() - bn.low());
        assertThat(bnRaw).isCloseTo((float) (convRaw * shrink), within(1e-5f));

        // and the same in a sequential network
        var list = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.IDENTITY).name("conv").build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).name("relu").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).name("out").build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        var net = new MultiLayerNetwork(list);
        net.init();
        NetworkInspection sequential = LayerInspector.inspect(predictor(Network.of(net)), digit);
        assertThat(sequential.layers().get(0).stats().min()).as("the convolution, not the relu after it").isNegative();
        assertThat(sequential.layers().get(1).stats().min()).isZero();
    }

    private static INDArray input(Predictor predictor) throws Exception {
        byte[] bytes = org.dl4jworkbench.core.data.image.ImagePreprocessor.toInput(
                org.dl4jworkbench.core.data.image.ImageDecoder.decode(digit), 28, 28, 1);
        return Predictor.features(predictor.model(), bytes);
    }

    @Test
    void aSnapshotTakenWhileTheNetworkTrainsCanBeInspected() throws Exception {
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        NetworkSpec spec = lenet.withTraining(lenet.training().withEpochs(1).withBatchSize(32));
        var data = new Dataset(mini.name(), mini.train().subset(IntStream.range(0, 2000).toArray()), mini.test());
        var trainer = new Trainer(spec, data);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> training = thread.submit(() -> trainer.train(TrainingListener.NONE));
            Network snapshot = trainer.control().snapshot().get(120, TimeUnit.SECONDS); // as the window takes it
            trainer.control().stop();
            NetworkInspection inspection = LayerInspector.inspect(predictor(snapshot), digit);
            training.get(120, TimeUnit.SECONDS);

            assertThat(inspection.layers()).extracting(LayerOutput::name)
                    .containsExactly("conv1", "pool1", "conv2", "pool2", "dense1", "output");
            assertThat(inspection.layers().get(0).maps()).hasSize(20);
            float[] probabilities = inspection.layers().get(5).values();
            double sum = 0;
            for (float p : probabilities) {
                sum += p;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        } finally {
            thread.shutdownNow();
        }
    }
}
