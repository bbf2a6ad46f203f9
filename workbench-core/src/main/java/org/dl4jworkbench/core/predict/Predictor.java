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
    private final Normalizer normalizer;
    private final InputSpec input;

    public Predictor(LoadedModel model) {
        this.model = model;
        this.network = model.network();
        this.classNames = model.classNames();
        this.normalizer = model.normalizer();
        this.input = model.input();
    }

    public List<String> classNames() {
        return classNames;
    }

    public InputSpec input() {
        return input;
    }

    /** The model it predicts with: an explanation of its predictions must use this very network. */
    public LoadedModel model() {
        return model;
    }

    /**
     * The network itself, for views that look inside it (the layers view). The same rule holds
     * for them: work on it while holding its monitor ({@code synchronized} on the DL4J object, as
     * {@code output} is), so they and predictions take turns.
     */
    public Network network() {
        return network;
    }

    /** How this model's images are normalized after decoding and resizing. */
    public Normalizer normalizer() {
        return normalizer;
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
        float[] features = new float[bytes.length];
        normalizer.apply(bytes, h * w, features, 0);
        INDArray x = Nd4j.create(features, new long[] {1, c, h, w}, 'c');
        double[] probabilities = network.output(x).toDoubleVector();
        if (probabilities.length != classNames.size()) {
            throw new IllegalStateException("the network gave " + probabilities.length + " outputs for "
                    + classNames.size() + " classes");
        }
        return new Prediction(top(probabilities, topK), probabilities, bytes, h, w, c);
    }

    private List<ClassProbability> top(double[] probabilities, int k) {
        List<ClassProbability> top = new ArrayList<>(Math.min(k, probabilities.length));
        IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparing(i -> i))
                .limit(k)
                .forEach(i -> top.add(new ClassProbability(i, classNames.get(i), probabilities[i])));
        return top;
    }
}
