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
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN helpers compute what DL4J's own layer code computes: same outputs, same
 * gradients (to float rounding), on LeNet ("valid" 5x5 convolutions) and cifar10-cnn ("same"
 * padding, stride 2, 2x2 kernels); and a network trained with them saves as a plain DL4J model.
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
        var random = new java.util.Random(3);
        byte[] pixels = new byte[8 * 32 * 32 * 3];
        random.nextBytes(pixels);
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7};
        var classes = java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        compare("cifar10-cnn", batch(ImageSet.of(pixels, labels, 32, 32, 3, classes), 8));
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

    private static void compare(String template, DataSet data) {
        MultiLayerNetwork plain = network(template);
        MultiLayerNetwork helped = network(template);
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
        NetworkSpec spec = Templates.find(template).orElseThrow().spec();
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
