package org.dl4jworkbench.core.keras;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.keras.KerasFiles.LayerWeights;
import org.dl4jworkbench.core.keras.KerasFiles.Weight;

/**
 * Small Keras 2 model files with fixed weights, as a user's own tutorial models would be:
 * images in (RGB or gray, channels-last), class probabilities out. For tests of what the
 * workbench does with an import (save, open, predict), not of the import's arithmetic, which
 * {@code SmallKerasModelsTest} pins.
 */
public final class TinyKerasModels {

    private static final String INIT = "\"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": "
            + "{\"scale\": 1.0, \"mode\": \"fan_avg\", \"distribution\": \"uniform\", \"seed\": null}}, "
            + "\"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, "
            + "\"bias_regularizer\": null, \"activity_regularizer\": null, \"kernel_constraint\": null, "
            + "\"bias_constraint\": null";

    private TinyKerasModels() {
    }

    /**
     * Functional (Keras 2.9, TensorFlow 2.9's "Functional"): an 8x8 RGB image, Conv2D(4, 3x3,
     * relu), MaxPooling2D(2), Flatten, Dense({@code classes}, softmax).
     */
    public static Path functionalCnn(Path file, int classes) throws KerasImportException {
        String config = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"tiny\", \"layers\": ["
                + "{\"name\": \"input_1\", \"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": "
                + "[null, 8, 8, 3], \"dtype\": \"float32\", \"sparse\": false, \"name\": \"input_1\"}, "
                + "\"inbound_nodes\": []},"
                + "{\"name\": \"conv2d\", \"class_name\": \"Conv2D\", \"config\": {\"name\": \"conv2d\", "
                + "\"trainable\": true, \"filters\": 4, \"kernel_size\": [3, 3], \"strides\": [1, 1], "
                + "\"padding\": \"valid\", \"data_format\": \"channels_last\", \"dilation_rate\": [1, 1], "
                + "\"activation\": \"relu\", \"use_bias\": true, " + INIT + "}, "
                + "\"inbound_nodes\": [[[\"input_1\", 0, 0, {}]]]},"
                + "{\"name\": \"max_pooling2d\", \"class_name\": \"MaxPooling2D\", \"config\": {\"name\": "
                + "\"max_pooling2d\", \"trainable\": true, \"pool_size\": [2, 2], \"padding\": \"valid\", "
                + "\"strides\": [2, 2], \"data_format\": \"channels_last\"}, "
                + "\"inbound_nodes\": [[[\"conv2d\", 0, 0, {}]]]},"
                + "{\"name\": \"flatten\", \"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten\", "
                + "\"trainable\": true, \"data_format\": \"channels_last\"}, "
                + "\"inbound_nodes\": [[[\"max_pooling2d\", 0, 0, {}]]]},"
                + "{\"name\": \"dense\", \"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", "
                + "\"trainable\": true, \"units\": " + classes + ", \"activation\": \"softmax\", \"use_bias\": true, "
                + INIT + "}, \"inbound_nodes\": [[[\"flatten\", 0, 0, {}]]]}],"
                + " \"input_layers\": [[\"input_1\", 0, 0]], \"output_layers\": [[\"dense\", 0, 0]]}}";
        KerasFiles.writeModel(file, "2.9.0", config, List.of(
                new LayerWeights("input_1", List.of()),
                new LayerWeights("conv2d", List.of(new Weight("kernel:0", new long[] {3, 3, 3, 4}, values(108, 0.3)),
                        new Weight("bias:0", new long[] {4}, values(4, 0.1)))),
                new LayerWeights("max_pooling2d", List.of()),
                new LayerWeights("flatten", List.of()),
                new LayerWeights("dense", List.of(new Weight("kernel:0", new long[] {36, classes},
                                values(36 * classes, 0.2)),
                        new Weight("bias:0", new long[] {classes}, values(classes, 0.05))))));
        return file;
    }

    /** Sequential (Keras 2.2.4): a 2x2 gray image, Flatten, Dense(3, softmax). */
    public static Path sequentialDense(Path file) throws KerasImportException {
        return sequential(file, "2.2.4", "Dense");
    }

    /**
     * The same Sequential model as saved by Keras {@code kerasVersion}, its dense layer's class
     * named {@code denseClass} (e.g. "RandomFlip", a layer DL4J cannot import).
     */
    public static Path sequential(Path file, String kerasVersion, String denseClass) throws KerasImportException {
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", \"layers\": ["
                + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten_1\", \"trainable\": true,"
                + " \"batch_input_shape\": [null, 2, 2, 1], \"dtype\": \"float32\", \"data_format\": \"channels_last\"}},"
                + "{\"class_name\": \"" + denseClass + "\", \"config\": {\"name\": \"dense_1\", \"trainable\": true,"
                + " \"units\": 3, \"activation\": \"softmax\", \"use_bias\": true, " + INIT + "}}]}}";
        KerasFiles.writeModel(file, kerasVersion, config, List.of(new LayerWeights("flatten_1", List.of()),
                new LayerWeights("dense_1", List.of(new Weight("kernel:0", new long[] {4, 3}, values(12, 0.5)),
                        new Weight("bias:0", new long[] {3}, values(3, 0.1))))));
        return file;
    }

    /** Fixed, varied values: {@code scale * sin(1.7 i + 0.3)}. */
    static float[] values(int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * Math.sin(1.7 * i + 0.3));
        }
        return v;
    }
}
