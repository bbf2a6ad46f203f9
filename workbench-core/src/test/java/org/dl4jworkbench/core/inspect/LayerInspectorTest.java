package org.dl4jworkbench.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.analysis.Shape;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The layers view's core on a LeNet trained here on mnist-mini, fed real test digits as PNG files. */
class LayerInspectorTest {

    @TempDir
    static Path shared;
    static LenetFixture.TrainedLenet trained;
    static LoadedModel model;
    static Predictor predictor;
    static Path digit;

    @BeforeAll
    static void trainAndLoad() throws Exception {
        trained = LenetFixture.train(shared);
        model = ModelFiles.load(trained.file());
        predictor = new Predictor(model);
        digit = MnistModelFixture.writeDigit(trained.test(), 0, shared.resolve("digit.png"));
    }

    private static Map<String, LayerOutput> byName(NetworkInspection inspection) {
        return inspection.layers().stream().collect(Collectors.toMap(LayerOutput::name, Function.identity()));
    }

    @Test
    void everyLayerIsThereWithTheShapeTheAnalyzerGivesIt() throws Exception {
        NetworkInspection inspection = LayerInspector.inspect(predictor, digit);

        List<LayerInfo> infos = NetworkAnalyzer.analyze(trained.spec()).layers().stream()
                .filter(i -> i.index() >= 0).toList(); // not the input
        assertThat(inspection.layers()).extracting(LayerOutput::name)
                .containsExactlyElementsOf(infos.stream().map(LayerInfo::name).toList());
        for (int i = 0; i < infos.size(); i++) {
            assertThat(inspection.layers().get(i).shape()).as(infos.get(i).name())
                    .isEqualTo(infos.get(i).outputShape());
        }
        assertThat(inspection.layers()).extracting(LayerOutput::type)
                .containsExactly("convolution", "pooling", "convolution", "pooling", "dense", "output");
        LayerOutput conv2 = inspection.layers().get(2);
        assertThat(conv2.shape()).isEqualTo(Shape.image(8, 8, 50));
        assertThat(conv2.maps()).hasSize(50);
        assertThat(conv2.mapsLeftOut()).isZero();
        assertThat(conv2.maps().get(0).height()).isEqualTo(8);
        LayerOutput dense = inspection.layers().get(4);
        assertThat(dense.values()).hasSize(500);
        assertThat(dense.maps()).isEmpty();
        assertThat(inspection.layers().get(5).labels()).isEqualTo(trained.test().classNames());
    }

    @Test
    void theImageIsPreparedAsThePredictorPreparesItSoTheLastLayerIsThePrediction() throws Exception {
        for (int i = 0; i < 4; i++) {
            Path png = MnistModelFixture.writeDigit(trained.test(), i, shared.resolve("p" + i + ".png"));
            NetworkInspection inspection = LayerInspector.inspect(predictor, png);
            Prediction p = predictor.predict(png, 1);

            float[] out = inspection.layers().get(inspection.layers().size() - 1).values();
            double[] probabilities = p.probabilities();
            for (int k = 0; k < out.length; k++) {
                assertThat((double) out[k]).isCloseTo(probabilities[k], within(1e-6));
            }
            assertThat(inspection.networkInput()).isEqualTo(p.networkInput());
            assertThat(inspection.source()).isEqualTo("p" + i + ".png");
        }
    }

    /** The activations as DL4J computes them for the same input, to count by hand. */
    private static List<INDArray> activations(Path png) throws Exception {
        byte[] bytes = ImagePreprocessor.toInput(ImageDecoder.decode(png), 28, 28, 1);
        float[] features = new float[bytes.length];
        model.normalizer().apply(bytes, 784, features, 0);
        MultiLayerNetwork net = model.network().sequential().orElseThrow();
        synchronized (net) {
            return net.feedForward(Nd4j.create(features, new long[] {1, 1, 28, 28}, 'c'), false).stream()
                    .map(INDArray::dup).toList();
        }
    }

    @Test
    void statisticsAreThoseOfTheActivationArray() throws Exception {
        NetworkInspection inspection = LayerInspector.inspect(predictor, digit);
        List<INDArray> activations = activations(digit);

        for (int layer : new int[] {0, 4}) { // conv1 (identity activation), dense (relu)
            float[] a = Nd4j.toFlattened('c', activations.get(layer + 1)).toFloatVector();
            long zeros = 0;
            double sum = 0;
            for (float v : a) {
                zeros += v == 0f ? 1 : 0;
                sum += v;
            }
            double mean = sum / a.length;
            double squares = 0;
            for (float v : a) {
                squares += (v - mean) * (v - mean);
            }
            LayerStats stats = inspection.layers().get(layer).stats();
            assertThat(stats.count()).isEqualTo(a.length);
            assertThat(stats.zeroShare()).isEqualTo((double) zeros / a.length);
            assertThat(stats.mean()).isCloseTo(mean, within(1e-6));
            assertThat(stats.deviation()).isCloseTo(Math.sqrt(squares / a.length), within(1e-6));
        }
        assertThat(inspection.layers().get(4).stats().zeroShare()).as("relu zeroes some of the 500 units")
                .isBetween(0.05, 0.99);

        // a feature map is the activation plane, scaled with the layer's range
        INDArray conv1 = activations.get(1);
        LayerOutput out = inspection.layers().get(0);
        FeatureMap map = out.maps().get(3);
        float raw = conv1.getFloat(0, 3, 10, 12);
        assertThat(map.at(10, 12)).isCloseTo((raw - out.low()) / (out.high() - out.low()), within(1e-5f));
        assertThat(out.low()).isEqualTo(conv1.minNumber().floatValue());
        assertThat(out.high()).isEqualTo(conv1.maxNumber().floatValue());
    }

    @Test
    void aLayerWhoseWeightsAreZeroedIsFlaggedDeadAndTheTrainedOneIsNot() throws Exception {
        NetworkInspection healthy = LayerInspector.inspect(predictor, digit);
        assertThat(byName(healthy).get("conv2").flags()).isEmpty();
        assertThat(byName(healthy).get("conv1").flags()).isEmpty();

        Network broken = model.network().copy();
        MultiLayerNetwork net = broken.sequential().orElseThrow();
        net.getLayer(2).getParam("W").assign(0);
        net.getLayer(2).getParam("b").assign(0);
        var zeroed = new Predictor(new LoadedModel(broken, model.metadata(), model.spec(), Duration.ZERO));
        NetworkInspection inspection = LayerInspector.inspect(zeroed, digit);

        LayerOutput conv2 = byName(inspection).get("conv2");
        assertThat(conv2.flagged(LayerFlag.Kind.DEAD)).isTrue();
        assertThat(conv2.flags().get(0).reason()).startsWith("every output is exactly zero");
        assertThat(conv2.stats().zeroMaps()).isEqualTo(50);
        assertThat(conv2.maps()).allMatch(FeatureMap::allZero);
        assertThat(byName(inspection).get("pool2").flagged(LayerFlag.Kind.DEAD)).isTrue();
        assertThat(byName(inspection).get("conv1").flags()).isEmpty();
        assertThat(inspection.flagged()).extracting(LayerOutput::name).contains("conv2", "pool2")
                .doesNotContain("conv1", "pool1");
    }

    @Test
    void theFirstConvolutionsFiltersAreItsWeightsAsSmallImages() throws Exception {
        FilterImages filters = LayerInspector.inspect(predictor, digit).firstFilters().orElseThrow();

        assertThat(filters.layer()).isEqualTo("conv1");
        assertThat(filters.count()).isEqualTo(20);
        assertThat(filters.images()).hasSize(20);
        assertThat(filters.leftOut()).isZero();
        assertThat(filters.height()).isEqualTo(5);
        assertThat(filters.width()).isEqualTo(5);
        assertThat(filters.channels()).isEqualTo(1);
        INDArray w = model.network().sequential().orElseThrow().getLayer(0).getParam("W");
        assertThat(w.shape()).containsExactly(20, 1, 5, 5);
        INDArray seventh = w.get(org.nd4j.linalg.indexing.NDArrayIndex.point(7)); // each filter on its own scale
        float largest = Math.max(Math.abs(seventh.maxNumber().floatValue()),
                Math.abs(seventh.minNumber().floatValue()));
        assertThat(filters.image(7)[2 * 5 + 3]).isCloseTo(0.5f + w.getFloat(7, 0, 2, 3) / (2 * largest),
                within(1e-6f));
        for (float[] image : filters.images()) {
            for (float v : image) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }
}
