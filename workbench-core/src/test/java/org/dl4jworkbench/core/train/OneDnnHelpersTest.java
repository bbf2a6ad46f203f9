package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import java.util.List;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN helpers compute what DL4J's own layer code computes: same outputs, same
 * gradients (to float rounding), on LeNet ("valid" 5x5 convolutions) and cifar10-cnn ("same"
 * padding, stride 2, 2x2 kernels), cats-dogs (2x2 pooling of 128x128 planes, computed by
 * {@link TiledMaxPooling}) and poolings that leave an edge out or overlap; training with them
 * takes DL4J's own steps; and a network trained with them saves as a plain DL4J model.
 * The tests run where the oneDNN binary is loaded (x86-64 builds, see docs/decisions/0004).
 */
class OneDnnHelpersTest {

    static Dataset mini;

    @BeforeAll
    static void load() throws Exception {
        mini = Datasets.open("mnist-mini");
    }

    @Test
    void theBuildUnderTestLoadsTheOneDnnBinary() {
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "ND4J has no oneDNN build for " + arch);
        assertThat(OneDnnHelpers.available()).as("oneDNN build of libnd4j loaded").isTrue();
    }

    @Test
    void lenetGetsHelpersOnItsConvolutionAndPoolingLayers() {
        assumeTrue(OneDnnHelpers.available());
        MultiLayerNetwork net = network("lenet");
        assertThat(OneDnnHelpers.install(Network.of(net))).isEqualTo(4);
        for (Layer layer : net.getLayers()) {
            if (layer instanceof ConvolutionLayer c) {
                assertThat(c.getHelper()).isNotNull();
            } else if (layer instanceof SubsamplingLayer s) {
                assertThat(s.getHelper()).isNotNull();
            }
        }
        assertThat(OneDnnHelpers.install(Network.of(net))).as("installing twice changes nothing").isZero();
    }

    @Test
    void lenetOutputsAndGradientsMatchDl4jsOwnCode() {
        assumeTrue(OneDnnHelpers.available());
        compare("lenet", batch(mini.train(), 16));
    }

    @Test
    void samePaddingAndStridesMatchDl4jsOwnCode() {
        assumeTrue(OneDnnHelpers.available());
        compare("cifar10-cnn", batch(randomImages(8, 32, 10), 8));
    }

    @Test
    void poolingOfLargePlanesMatchesDl4jsOwnCode() {
        // cats-dogs: 2x2 max pooling of 32 planes of 128x128, where Java's tiled pooling runs
        assumeTrue(OneDnnHelpers.available());
        compare(Templates.find("cats-dogs").orElseThrow().spec(), batch(randomImages(4, 128, 2), 4));
    }

    @Test
    void poolingThatLeavesAnEdgeOutMatchesDl4jsOwnCode() {
        // 13x13 pooled 2x2 leaves the last row and column out (truncate), 3x3 by 2 does not tile
        assumeTrue(OneDnnHelpers.available());
        var spec = new NetworkSpec("edges", new InputSpec(15, 15, 3),
                List.of(ConvolutionSpec.of(6, 3, Padding.VALID, Activation.RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(5, 2, Padding.SAME, Activation.TANH), PoolingSpec.max(3, 2, Padding.SAME),
                        PoolingSpec.max(3)),
                new OutputSpec(10), TrainingSpec.adam(0.01, 8, 1));
        compare(spec, batch(randomImages(8, 15, 10), 8));
    }

    @Test
    void batchNormalizationMatchesDl4jsOwnCode() {
        assumeTrue(OneDnnHelpers.available());
        MultiLayerNetwork net = network("cifar10-fast");
        OneDnnHelpers.install(Network.of(net));
        assertThat(java.util.Arrays.stream(net.getLayers())
                .filter(l -> l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization)
                .map(l -> ((org.deeplearning4j.nn.layers.normalization.BatchNormalization) l).getHelper()))
                .as("every batch normalization has oneDNN's helper").isNotEmpty().doesNotContainNull();
        compare("cifar10-fast", batch(randomImages(16, 32, 10), 16));
    }

    @Test
    void trainingWithTiledPoolingTakesDl4jsOwnSteps() {
        trainsAsDl4j("cats-dogs", 128, 2, 6);
    }

    @Test
    void trainingWithBatchNormalizationTakesDl4jsOwnSteps() {
        // the running mean and variance are parameters too: they must move as DL4J moves them
        trainsAsDl4j("cifar10-fast", 32, 10, 16);
    }

    private static void trainsAsDl4j(String templateId, int size, int classes, int n) {
        assumeTrue(OneDnnHelpers.available());
        // Plain gradient descent with small steps: Adam would turn float rounding in near-zero
        // gradients into whole steps, and large steps on 16 random images let batch normalization
        // amplify the rounding differences of any two convolution codes (DL4J's own against oneDNN's
        // differ by 1% of the weights after three steps of 0.01 on cifar10-fast, no helper but the
        // convolution's installed)
        NetworkSpec template = Templates.find(templateId).orElseThrow().spec();
        NetworkSpec spec = template.withTraining(template.training().withOptimizer(Optimizer.SGD, 0.001));
        MultiLayerNetwork plain = new MultiLayerNetwork(SpecCompiler.compile(spec, classes));
        plain.init();
        MultiLayerNetwork helped = new MultiLayerNetwork(SpecCompiler.compile(spec, classes));
        helped.init(plain.params().dup(), true);
        assertThat(OneDnnHelpers.install(Network.of(helped))).isPositive();
        DataSet data = batch(randomImages(n, size, classes), n);
        for (int step = 0; step < 3; step++) {
            plain.fit(data);
            helped.fit(data);
        }
        assertThat(maxDifference(plain.params(), helped.params()) / plain.params().amaxNumber().doubleValue())
                .as("parameters after three steps, relative").isLessThan(1e-4);
        assertThat(maxDifference(plain.output(data.getFeatures()), helped.output(data.getFeatures())))
                .as("inference outputs after training").isLessThan(1e-4);
    }

    @Test
    void aNetworkTrainedWithHelpersSavesAsAPlainDl4jModel() throws Exception {
        assumeTrue(OneDnnHelpers.available());
        MultiLayerNetwork net = network("lenet");
        OneDnnHelpers.install(Network.of(net));
        DataSet data = batch(mini.train(), 32);
        for (int i = 0; i < 5; i++) {
            net.fit(data);
        }
        var bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(((ConvolutionLayer) restored.getLayer(0)).getHelper()).as("DL4J's own code after loading").isNull();
        assertThat(restored.getLayerWiseConfigurations().toJson()).isEqualTo(
                net.getLayerWiseConfigurations().toJson());
        INDArray expected = net.output(data.getFeatures());
        INDArray actual = restored.output(data.getFeatures());
        assertThat(maxDifference(expected, actual)).isLessThan(1e-4);
    }

    /** n random colour images of size x size, labelled 0, 1, ... in turn among the classes. */
    private static ImageSet randomImages(int n, int size, int classes) {
        var random = new java.util.Random(3);
        byte[] pixels = new byte[n * size * size * 3];
        random.nextBytes(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        var names = java.util.stream.IntStream.range(0, classes).mapToObj(String::valueOf).toList();
        return ImageSet.of(pixels, labels, size, size, 3, names);
    }

    private static void compare(String template, DataSet data) {
        compare(Templates.find(template).orElseThrow().spec(), data);
    }

    private static void compare(NetworkSpec spec, DataSet data) {
        MultiLayerNetwork plain = network(spec);
        MultiLayerNetwork helped = network(spec);
        helped.setParams(plain.params().dup());
        assertThat(OneDnnHelpers.install(Network.of(helped))).isPositive();
        assertThat(maxDifference(plain.output(data.getFeatures()), helped.output(data.getFeatures())))
                .as("outputs").isLessThan(1e-4);

        INDArray expected = gradient(plain, data);
        INDArray actual = gradient(helped, data);
        double scale = expected.amaxNumber().doubleValue();
        assertThat(scale).isPositive();
        assertThat(maxDifference(expected, actual) / scale).as("largest gradient difference, relative").isLessThan(1e-3);
    }

    private static INDArray gradient(MultiLayerNetwork net, DataSet data) {
        Nd4j.getRandom().setSeed(42); // the same dropout masks for both networks
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    private static MultiLayerNetwork network(String template) {
        return network(Templates.find(template).orElseThrow().spec());
    }

    private static MultiLayerNetwork network(NetworkSpec spec) {
        var net = new MultiLayerNetwork(SpecCompiler.compile(spec, 10));
        net.init();
        return net;
    }

    private static DataSet batch(ImageSet images, int n) {
        return Batches.batch(images, Batches.identity(images.size()), 0, n);
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.reduce.same.AMax(a.sub(b)))
                .getDouble(0);
    }
}
