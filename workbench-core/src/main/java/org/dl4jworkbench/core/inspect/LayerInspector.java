package org.dl4jworkbench.core.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.dl4jworkbench.core.analysis.Shape;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.Predictor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Looks inside a network for one image, as NVIDIA DIGITS does: every layer's output (feature
 * maps, or a vector), its statistics and flags, and the first convolution's filters. The image
 * is prepared exactly as the {@link Predictor} prepares it (decode, resize and convert channels,
 * the model's normalizer), and the network runs in inference mode ({@code feedForward(x,
 * false)}: no dropout), so the last layer's output is the prediction's probabilities.
 *
 * <p>An activation layer ({@code ActivationLayer}, as every Keras import has after its batch
 * normalizations) applies its function in place, overwriting the output of the layer before it
 * in what {@code feedForward} returns; that layer's output is computed once more from its input.
 *
 * <p>Works on the predictor's own network (a loaded model, or a snapshot of one in training),
 * holding the network's monitor while it runs: DL4J's {@code output} is synchronized on it, so
 * predictions and inspections take turns instead of sharing the layers' state. Only the
 * copying happens under the lock; scaling and statistics come after. Call it off the FX thread:
 * it costs about one prediction plus copying every activation.
 */
public final class LayerInspector {

    /** Feature maps kept per layer: LeNet's 20 and 50 all show; a 512-channel layer shows the first 64. */
    public static final int MAX_MAPS = 64;
    /** A map larger than this on a side is sampled down for display (statistics use every value). */
    public static final int MAX_MAP_SIDE = 64;
    public static final int MAX_FILTERS = 64;

    private LayerInspector() {
    }

    /** @throws ImageDecodeException where the file is not a usable image */
    public static NetworkInspection inspect(Predictor predictor, Path file) throws IOException, ImageDecodeException {
        return inspect(predictor, ImageDecoder.decode(file), file.getFileName().toString());
    }

    /** @param source what the image is called (its file name) */
    public static NetworkInspection inspect(Predictor predictor, DecodedImage image, String source) {
        int h = predictor.input().height();
        int w = predictor.input().width();
        int c = predictor.input().channels();
        byte[] bytes = ImagePreprocessor.toInput(image, h, w, c);
        Network network = predictor.model().network();
        INDArray x = network.input(Predictor.features(predictor.model(), bytes));
        Copies copied = Copies.of(network, x);
        List<String> classes = predictor.classNames();
        List<LayerOutput> layers = new ArrayList<>();
        int leftOut = 0;
        for (int i = 0; i < copied.layers().size(); i++) {
            Copies.Raw raw = copied.layers().get(i);
            boolean last = i == copied.layers().size() - 1;
            LayerOutput out = output(i, raw, last && raw.values().length == classes.size() ? classes : List.of());
            leftOut += out.mapsLeftOut();
            layers.add(out);
        }
        FilterImages filters = copied.filters() == null ? null
                : filters(copied.filterLayer(), copied.filterShape(), copied.filters());
        String note = leftOut == 0 ? "" : String.format(Locale.ROOT,
                "%,d feature maps not shown (at most %d per layer)", leftOut, MAX_MAPS);
        return new NetworkInspection(source, bytes, h, w, c, layers, filters, note);
    }

    private static LayerOutput output(int index, Copies.Raw raw, List<String> labels) {
        String activation = activation(raw.conf());
        float[] v = raw.values();
        if (raw.shape().length == 4 && raw.shape()[2] * raw.shape()[3] == 1) { // 1x1 maps: really a vector
            LayerStats stats = LayerStats.of(v, 0, 0);
            return new LayerOutput(index, raw.name(), type(raw.conf()), activation,
                    Shape.image(1, 1, (int) raw.shape()[1]), stats, (float) stats.min(), (float) stats.max(), List.of(),
                    0, v, labels, Flags.of(activation, stats, v, labels));
        }
        if (raw.shape().length == 4) {
            int c = (int) raw.shape()[1];
            int h = (int) raw.shape()[2];
            int w = (int) raw.shape()[3];
            LayerStats stats = LayerStats.of(v, c, h * w);
            float low = (float) stats.min();
            float high = (float) stats.max();
            List<FeatureMap> maps = new ArrayList<>();
            for (int m = 0; m < Math.min(c, MAX_MAPS); m++) {
                maps.add(map(v, m, h, w, low, high));
            }
            return new LayerOutput(index, raw.name(), type(raw.conf()), activation, Shape.image(h, w, c), stats, low,
                    high, maps, Math.max(0, c - MAX_MAPS), new float[0], List.of(), Flags.of(activation, stats, v,
                    List.of()));
        }
        LayerStats stats = LayerStats.of(v, 0, 0);
        return new LayerOutput(index, raw.name(), type(raw.conf()), activation, Shape.flat(v.length), stats,
                (float) stats.min(), (float) stats.max(), List.of(), 0, v, labels, Flags.of(activation, stats, v,
                labels));
    }

    /** Map {@code m}, sampled down (nearest) where larger than {@link #MAX_MAP_SIDE}, scaled by the layer's range. */
    private static FeatureMap map(float[] v, int m, int h, int w, float low, float high) {
        int step = Math.max(1, (int) Math.ceil(Math.max(h, w) / (double) MAX_MAP_SIDE));
        int dh = (h + step - 1) / step;
        int dw = (w + step - 1) / step;
        float[] pixels = new float[dh * dw];
        int base = m * h * w;
        boolean allZero = true;
        for (int i = base; i < base + h * w && allZero; i++) {
            allZero = v[i] == 0f;
        }
        float range = high - low;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                float value = v[base + y * step * w + x * step];
                pixels[y * dw + x] = range > 0 ? (value - low) / range : 0f;
            }
        }
        return new FeatureMap(m, dh, dw, pixels, allZero);
    }

    /**
     * The bank's weights {@code [filters, channels, kh, kw]} as images, each filter on its own
     * symmetric scale (0.5 = zero): in a trained bank a few filters have far larger weights than
     * the rest, and on one scale for all most would show as flat grey.
     */
    private static FilterImages filters(String layer, long[] shape, float[] weights) {
        int count = (int) shape[0];
        int channels = (int) shape[1];
        int kh = (int) shape[2];
        int kw = (int) shape[3];
        int shown = Math.min(count, MAX_FILTERS);
        int perFilter = channels * kh * kw;
        List<float[]> images = new ArrayList<>(shown);
        for (int f = 0; f < shown; f++) {
            float largest = 0;
            for (int i = 0; i < perFilter; i++) {
                largest = Math.max(largest, Math.abs(weights[f * perFilter + i]));
            }
            float[] image = new float[perFilter];
            for (int i = 0; i < perFilter; i++) {
                image[i] = largest > 0 ? 0.5f + weights[f * perFilter + i] / (2 * largest) : 0.5f;
            }
            images.add(image);
        }
        return new FilterImages(layer, count, kh, kw, channels, images, count - shown);
    }

    /** "relu", "softmax", ...; empty for a layer without an activation function of its own. */
    static String activation(Layer conf) {
        if (conf instanceof BatchNormalization || conf instanceof DropoutLayer) {
            return ""; // they carry the configuration's default activation but never apply it
        }
        if (conf instanceof BaseLayer b && b.getActivationFn() != null) {
            return b.getActivationFn().toString().toLowerCase(Locale.ROOT);
        }
        if (conf instanceof ActivationLayer a && a.getActivationFn() != null) {
            return a.getActivationFn().toString().toLowerCase(Locale.ROOT);
        }
        return "";
    }

    static String type(Layer conf) {
        if (conf instanceof DepthwiseConvolution2D) {
            return "depthwise convolution";
        } else if (conf instanceof SeparableConvolution2D) {
            return "separable convolution";
        } else if (conf instanceof ConvolutionLayer) {
            return "convolution";
        } else if (conf instanceof SubsamplingLayer) {
            return "pooling";
        } else if (conf instanceof GlobalPoolingLayer) {
            return "global pooling";
        } else if (conf instanceof OutputLayer) {
            return "output";
        } else if (conf instanceof DenseLayer) {
            return "dense";
        } else if (conf instanceof DropoutLayer) {
            return "dropout";
        } else if (conf instanceof BatchNormalization) {
            return "batch norm";
        } else if (conf instanceof ActivationLayer) {
            return "activation";
        } else if (conf instanceof ZeroPaddingLayer) {
            return "zero padding";
        }
        return conf.getClass().getSimpleName();
    }
}
