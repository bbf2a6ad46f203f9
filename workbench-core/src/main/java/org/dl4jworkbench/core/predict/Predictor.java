package org.dl4jworkbench.core.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.spec.InputSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Classifies images with a loaded model, preparing each exactly as training did: decode
 * ({@link ImageDecoder}), resize and convert channels to the model's input
 * ({@link ImagePreprocessor}), normalize with the model's own {@link Normalizer}, then
 * {@code output(input, false)} (inference mode: no dropout).
 *
 * <p>The predictor owns its network. DL4J's {@code output} is synchronized on the
 * network, so a network shared with a training thread would block every prediction until a
 * whole {@code fit} call ends, and training would change the weights under it. Give it a
 * network of its own (a freshly loaded model, or a {@code clone()} taken on the training
 * thread). Calls from several threads are safe; they run one at a time.
 */
public final class Predictor {

    private final LoadedModel model;
    private final Network network;
    private final List<String> classNames;
    private final InputSpec input;

    public Predictor(LoadedModel model) {
        this.model = model;
        this.network = model.network();
        this.classNames = model.classNames();
        this.input = model.input();
    }

    public List<String> classNames() {
        return classNames;
    }

    public InputSpec input() {
        return input;
    }

    /**
     * The model it predicts with: explanations and the layers view must use this very network,
     * and work on it while holding its monitor ({@code synchronized} on the DL4J object, as
     * {@code output} is), so they and predictions take turns.
     */
    public LoadedModel model() {
        return model;
    }

    /**
     * An image as {@code model} takes it, {@code [1, channels, height, width]}: its pixels
     * already resized and converted to the model's input ({@link ImagePreprocessor#toInput}),
     * normalized with the model's own normalizer, as {@link #predict} prepares them (explanations
     * and the layers view look at an image through this too). Channels-first: {@link
     * Network#input} lays it out for the network.
     */
    public static INDArray features(LoadedModel model, byte[] pixels) {
        InputSpec in = model.input();
        float[] features = new float[pixels.length];
        model.normalizer().apply(pixels, in.height() * in.width(), features, 0);
        return Nd4j.create(features, new long[] {1, in.channels(), in.height(), in.width()}, 'c');
    }

    /**
     * @param topK how many classes to list (at most all of them)
     * @throws ImageDecodeException where the file is not a usable image ("empty file", "truncated JPEG")
     */
    public Prediction predict(Path imageFile, int topK) throws IOException, ImageDecodeException {
        return predict(ImageDecoder.decode(imageFile), topK);
    }

    public Prediction predict(DecodedImage image, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, found " + topK);
        }
        int h = input.height();
        int w = input.width();
        int c = input.channels();
        byte[] bytes = ImagePreprocessor.toInput(image, h, w, c);
        double[] probabilities = network.output(features(model, bytes)).toDoubleVector();
        if (probabilities.length != classNames.size()) {
            throw new IllegalStateException("the network gave " + probabilities.length + " outputs for "
                    + classNames.size() + " classes");
        }
        return new Prediction(top(classNames, probabilities, topK), probabilities, bytes, h, w, c);
    }

    /** The {@code k} likeliest classes, likeliest first (ties: the lower index first). */
    public static List<ClassProbability> top(List<String> classNames, double[] probabilities, int k) {
        List<ClassProbability> top = new ArrayList<>(Math.min(k, probabilities.length));
        IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparing(i -> i))
                .limit(k)
                .forEach(i -> top.add(new ClassProbability(i, classNames.get(i), probabilities[i])));
        return top;
    }
}
