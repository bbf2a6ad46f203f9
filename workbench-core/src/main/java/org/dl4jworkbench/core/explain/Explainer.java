package org.dl4jworkbench.core.explain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.spec.InputSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Heat maps of what a model looked at: Grad-CAM on a convolution (by default the last one,
 * with the normalization and activation right after it) and saliency (the input gradient),
 * for one image and one class (by default the predicted one).
 *
 * <p>The image is prepared exactly as {@link org.dl4jworkbench.core.predict.Predictor}
 * prepares it (decode, {@link ImagePreprocessor#toInput}, the model's normalizer), and the
 * one forward pass gives both the prediction and the activations, so a map costs a forward
 * and a backward pass. The forward runs in inference mode and dropout is off going back too,
 * so the same image always gives the same map.
 *
 * <p>It works on the model's own network, as a {@code Predictor} does, and holds the
 * network's lock (the one DL4J's {@code output} takes) while it runs: give it the model a
 * predictor holds and call it off the FX thread; predictions and maps then take turns.
 */
public final class Explainer {

    private final Network network;
    private final List<String> classNames;
    private final LoadedModel model;
    private final NetworkWalk walk;

    public Explainer(LoadedModel model) {
        this.model = model;
        this.network = model.network();
        this.classNames = model.classNames();
        this.walk = network.graph().<NetworkWalk>map(GraphWalk::new)
                .orElseGet(() -> new SequentialWalk(network.sequential().orElseThrow()));
    }

    /** The convolution layers Grad-CAM can use, in forward order. */
    public List<String> convolutionLayers() {
        return walk.layerNames().stream().filter(n -> NetworkWalk.isConvolution(walk.layerConf(n))).toList();
    }

    /**
     * Grad-CAM's default layer: the last convolution with more than one cell (a Keras
     * classifier's 1x1 "convolution" over pooled features has no map to show), moved on past the
     * batch normalization and activation layers that only it feeds (so for MobileNet {@code conv_pw_13_relu}, the
     * features as the rest of the network reads them); empty for a network without convolutions.
     */
    public Optional<String> defaultLayer() {
        InputSpec in = model.input();
        List<String> convolutions = convolutionLayers().stream().filter(name -> {
            int[] size = Geometry.size(walk.pathTo(name), in.height(), in.width());
            return size == null || size[0] * size[1] > 1;
        }).toList();
        if (convolutions.isEmpty()) {
            return Optional.empty();
        }
        String layer = convolutions.get(convolutions.size() - 1);
        for (String next = walk.soleConsumer(layer); next != null && walk.layerConf(next) != null
                && NetworkWalk.keepsChannels(walk.layerConf(next)); next = walk.soleConsumer(layer)) {
            layer = next;
        }
        return Optional.of(layer);
    }

    public Explanation explain(Path imageFile, ExplainMethod method, String layer, Integer targetClass)
            throws IOException, ImageDecodeException {
        return explain(ImageDecoder.decode(imageFile), method, layer, targetClass);
    }

    /**
     * Explains an image already predicted, as the network saw it ({@link Prediction#networkInput()}):
     * no file to read again, and the very pixels the prediction used.
     */
    public Explanation explain(Prediction seen, ExplainMethod method, String layer, Integer targetClass) {
        byte[] planar = seen.networkInput();
        int plane = seen.width() * seen.height();
        int c = seen.channels();
        byte[] interleaved = new byte[planar.length];
        for (int p = 0; p < plane; p++) {
            for (int k = 0; k < c; k++) {
                interleaved[p * c + k] = planar[k * plane + p];
            }
        }
        return explain(new DecodedImage("network input", seen.width(), seen.height(), c, interleaved), method, layer,
                targetClass);
    }

    /**
     * @param layer Grad-CAM's layer by name or index in {@link #layerNames()}; null for {@link #defaultLayer()}
     *              (ignored for saliency)
     * @param targetClass the class to explain; null for the predicted one
     * @throws ExplainException where the layer is unknown or has no feature maps, or the network has no convolution
     */
    public Explanation explain(DecodedImage image, ExplainMethod method, String layer, Integer targetClass) {
        String target = layerFor(method, layer);
        if (targetClass != null && (targetClass < 0 || targetClass >= classNames.size())) {
            throw new ExplainException("class " + targetClass + " does not exist; the model has classes 0 to "
                    + (classNames.size() - 1));
        }
        InputSpec in = model.input();
        int h = in.height();
        int w = in.width();
        int c = in.channels();
        byte[] bytes = ImagePreprocessor.toInput(image, h, w, c);
        INDArray x = network.input(Predictor.features(model, bytes));
        NetworkWalk.Pass pass;
        synchronized (network.dl4j()) {
            pass = walk.run(x, out -> targetClass != null ? targetClass : argMax(flat(out)), target);
        }
        double[] probabilities = flat(pass.output());
        int cls = pass.targetClass();
        if (probabilities.length != classNames.size()) {
            throw new IllegalStateException("the network gave " + probabilities.length + " outputs for "
                    + classNames.size() + " classes");
        }
        boolean channelsLast = network.channelsLast();
        HeatMaps.Map2d raw;
        if (method == ExplainMethod.GRAD_CAM) {
            if (pass.activations().rank() != 4) {
                throw new ExplainException("layer '" + target + "' gives no feature maps (its output has shape "
                        + java.util.Arrays.toString(pass.activations().shape()) + "); choose one of the convolution layers "
                        + String.join(", ", convolutionLayers()));
            }
            raw = HeatMaps.gradCam(pass.activations(), pass.gradient(), channelsLast);
        } else {
            raw = HeatMaps.saliency(pass.gradient(), channelsLast);
        }
        Geometry geometry = target == null ? Geometry.stretched(h, w, raw.height(), raw.width())
                : Geometry.of(walk.pathTo(target), h, w, raw.height(), raw.width());
        if (geometry == null) {
            geometry = Geometry.stretched(h, w, raw.height(), raw.width());
        }
        HeatMaps.Map2d full = HeatMaps.resize(raw, w, h, geometry);
        var prediction = new Prediction(Predictor.top(classNames, probabilities, 5), probabilities, bytes,
                h, w, c);
        var explained = new ClassProbability(cls, classNames.get(cls), probabilities[cls]);
        return new Explanation(method, target == null ? Explanation.INPUT : target, raw.width(), raw.height(), explained,
                prediction, w, h, HeatMaps.normalized(full.values()));
    }

    /** Every layer's name, in forward order. */
    public List<String> layerNames() {
        return walk.layerNames();
    }

    /**
     * The layer a map would use: for Grad-CAM the one named (by name or index) or the default,
     * for saliency null (the input). Checks what can be checked without an image.
     *
     * @throws ExplainException for an unknown layer (the message lists the convolutions), or Grad-CAM without any
     */
    public String layerFor(ExplainMethod method, String layer) {
        return method == ExplainMethod.GRAD_CAM ? resolveLayer(layer) : null;
    }

    private String resolveLayer(String layer) {
        List<String> convolutions = convolutionLayers();
        if (layer == null || layer.isBlank()) {
            return defaultLayer().orElseThrow(() -> new ExplainException("Grad-CAM needs a convolution layer and this"
                    + " network has none; use saliency (--method saliency), which works on any network"));
        }
        List<String> names = walk.layerNames();
        if (names.contains(layer)) {
            return layer;
        }
        if (layer.matches("\\d+") && Integer.parseInt(layer) < names.size()) {
            return names.get(Integer.parseInt(layer));
        }
        throw new ExplainException("the network has no layer '" + layer + "'; "
                + (convolutions.isEmpty() ? "it has no convolution layers, so use saliency (--method saliency)"
                : "its convolution layers are " + String.join(", ", convolutions)));
    }

    private static double[] flat(INDArray output) {
        return output.reshape(output.length()).toDoubleVector();
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
