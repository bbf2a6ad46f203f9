package org.dl4jworkbench.core.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.keras.KerasFiles.LayerWeights;
import org.dl4jworkbench.core.keras.KerasFiles.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tiny Keras 2 files written by the test, with known weights: DL4J's outputs equal the
 * forward pass computed here by hand, which pins the channels-last layout, the Keras kernel
 * order and the order Flatten reads an image in.
 */
class SmallKerasModelsTest {

    @TempDir
    Path dir;

    static final String DENSE_INIT = "\"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 1.0,"
            + " \"mode\": \"fan_avg\", \"distribution\": \"uniform\", \"seed\": null}}, \"bias_initializer\": {\"class_name\":"
            + " \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null,"
            + " \"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null";

    /** Sequential: Flatten of a 2x2x1 image, then Dense(3, softmax); Keras 2.2.4's config layout. */
    static String sequentialConfig(String denseClass) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", \"layers\": ["
                + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten_1\", \"trainable\": true,"
                + " \"batch_input_shape\": [null, 2, 2, 1], \"dtype\": \"float32\", \"data_format\": \"channels_last\"}},"
                + "{\"class_name\": \"" + denseClass + "\", \"config\": {\"name\": \"dense_1\", \"trainable\": true,"
                + " \"units\": 3, \"activation\": \"softmax\", \"use_bias\": true, " + DENSE_INIT + "}}]}}";
    }

    static final float[] DENSE_KERNEL = {0.5f, -0.2f, 0.1f, -0.3f, 0.8f, 0.05f, 0.25f, 0.4f, -0.6f, 0.7f, -0.1f, 0.3f};
    static final float[] DENSE_BIAS = {0.1f, -0.05f, 0.2f};

    static List<LayerWeights> sequentialWeights() {
        return List.of(new LayerWeights("flatten_1", List.of()), new LayerWeights("dense_1", List.of(
                new Weight("kernel:0", new long[] {4, 3}, DENSE_KERNEL),
                new Weight("bias:0", new long[] {3}, DENSE_BIAS))));
    }

    @Test
    void sequentialDenseEqualsTheHandComputedSoftmax() throws Exception {
        Path file = dir.resolve("dense.h5");
        KerasFiles.writeModel(file, "2.2.4", sequentialConfig("Dense"), sequentialWeights());

        ImportedKerasModel model = KerasImport.importModel(file);

        assertThat(model.isGraph()).isFalse();
        assertThat(model.input()).isEqualTo(new KerasInputShape(2, 2, 1, true));
        assertThat(model.outputs()).isEqualTo(3);
        assertThat(model.parameters()).isEqualTo(15);
        assertThat(model.kerasVersion()).isEqualTo("2.2.4");
        float[] image = {0.9f, -0.4f, 0.3f, 1.2f}; // rows (0,0) (0,1) (1,0) (1,1), one channel
        INDArray out = model.multiLayer().output(Nd4j.create(image, new long[] {1, 2, 2, 1}), false);

        double[] logits = new double[3];
        for (int j = 0; j < 3; j++) {
            logits[j] = DENSE_BIAS[j];
            for (int i = 0; i < 4; i++) {
                logits[j] += image[i] * DENSE_KERNEL[i * 3 + j];
            }
        }
        assertClose(out.toDoubleVector(), softmax(logits));
    }

    /** Functional: a 3x3x2 image, Conv2D(2, 2x2, relu), Flatten (h, w, c order), Dense(2, softmax). */
    @Test
    void functionalConvFlattenDenseEqualsTheHandComputedForwardPass() throws Exception {
        functionalConvFlattenDense("Model", "2.1.6");
    }

    /** Keras 2.4 to 2.15 (TensorFlow 2.4 to 2.15) call a functional model "Functional". */
    @Test
    void aFunctionalModelOfTensorFlow2Imports() throws Exception {
        functionalConvFlattenDense("Functional", "2.9.0");
    }

    private void functionalConvFlattenDense(String className, String kerasVersion) throws Exception {
        String config = "{\"class_name\": \"" + className + "\", \"config\": {\"name\": \"tiny\", \"layers\": ["
                + "{\"name\": \"input_1\", \"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 3, 3, 2],"
                + " \"dtype\": \"float32\", \"sparse\": false, \"name\": \"input_1\"}, \"inbound_nodes\": []},"
                + "{\"name\": \"conv2d_1\", \"class_name\": \"Conv2D\", \"config\": {\"name\": \"conv2d_1\", \"trainable\": true,"
                + " \"filters\": 2, \"kernel_size\": [2, 2], \"strides\": [1, 1], \"padding\": \"valid\","
                + " \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], \"activation\": \"relu\", \"use_bias\": true, "
                + DENSE_INIT + "}, \"inbound_nodes\": [[[\"input_1\", 0, 0, {}]]]},"
                + "{\"name\": \"flatten_1\", \"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten_1\", \"trainable\": true,"
                + " \"data_format\": \"channels_last\"}, \"inbound_nodes\": [[[\"conv2d_1\", 0, 0, {}]]]},"
                + "{\"name\": \"dense_1\", \"class_name\": \"Dense\", \"config\": {\"name\": \"dense_1\", \"trainable\": true,"
                + " \"units\": 2, \"activation\": \"softmax\", \"use_bias\": true, " + DENSE_INIT + "},"
                + " \"inbound_nodes\": [[[\"flatten_1\", 0, 0, {}]]]}],"
                + " \"input_layers\": [[\"input_1\", 0, 0]], \"output_layers\": [[\"dense_1\", 0, 0]]}}";
        float[] kernel = new float[2 * 2 * 2 * 2]; // [kh][kw][cin][cout]
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) Math.sin(1.3 * i + 0.2) * 0.6f;
        }
        float[] convBias = {0.05f, -0.1f};
        float[] dense = new float[8 * 2];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (float) Math.cos(0.7 * i) * 0.5f;
        }
        float[] denseBias = {0.2f, -0.3f};
        Path file = dir.resolve("tiny-cnn.h5");
        KerasFiles.writeModel(file, kerasVersion, config, List.of(
                new LayerWeights("input_1", List.of()),
                new LayerWeights("conv2d_1", List.of(new Weight("kernel:0", new long[] {2, 2, 2, 2}, kernel),
                        new Weight("bias:0", new long[] {2}, convBias))),
                new LayerWeights("flatten_1", List.of()),
                new LayerWeights("dense_1", List.of(new Weight("kernel:0", new long[] {8, 2}, dense),
                        new Weight("bias:0", new long[] {2}, denseBias)))));

        ImportedKerasModel model = KerasImport.importModel(file);

        assertThat(model.isGraph()).isTrue();
        assertThat(model.input()).isEqualTo(new KerasInputShape(3, 3, 2, true));
        assertThat(model.outputs()).isEqualTo(2);
        assertThat(model.parameters()).isEqualTo(16 + 2 + 16 + 2);
        float[] x = new float[3 * 3 * 2]; // [h][w][c]
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.9 * i + 1) ;
        }
        INDArray out = model.graph().outputSingle(false, Nd4j.create(x, new long[] {1, 3, 3, 2}));

        double[] flat = new double[8]; // conv output [h][w][f], flattened in that order
        for (int h = 0; h < 2; h++) {
            for (int w = 0; w < 2; w++) {
                for (int f = 0; f < 2; f++) {
                    double sum = convBias[f];
                    for (int dh = 0; dh < 2; dh++) {
                        for (int dw = 0; dw < 2; dw++) {
                            for (int c = 0; c < 2; c++) {
                                sum += x[((h + dh) * 3 + (w + dw)) * 2 + c] * kernel[((dh * 2 + dw) * 2 + c) * 2 + f];
                            }
                        }
                    }
                    flat[(h * 2 + w) * 2 + f] = Math.max(0, sum);
                }
            }
        }
        double[] logits = new double[2];
        for (int j = 0; j < 2; j++) {
            logits[j] = denseBias[j];
            for (int i = 0; i < 8; i++) {
                logits[j] += flat[i] * dense[i * 2 + j];
            }
        }
        assertClose(out.toDoubleVector(), softmax(logits));
    }

    /** HDF5 is not thread-safe: imports from several threads at once must each come out whole. */
    @Test
    void importsFromSeveralThreadsAtOnceAgree() throws Exception {
        Path file = dir.resolve("dense.h5");
        KerasFiles.writeModel(file, "2.2.4", sequentialConfig("Dense"), sequentialWeights());
        INDArray expected = KerasImport.importModel(file).multiLayer().params();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<INDArray>> imports = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                imports.add(pool.submit(() -> KerasImport.importModel(file).multiLayer().params()));
            }
            for (java.util.concurrent.Future<INDArray> params : imports) {
                assertThat(params.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double[] softmax(double[] logits) {
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double[] e = java.util.Arrays.stream(logits).map(v -> Math.exp(v - max)).toArray();
        double sum = java.util.Arrays.stream(e).sum();
        return java.util.Arrays.stream(e).map(v -> v / sum).toArray();
    }

    static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("output " + i + " of " + java.util.Arrays.toString(actual))
                    .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-5));
        }
    }
}
