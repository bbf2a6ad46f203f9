package org.dl4jworkbench.app.bench;

import java.nio.file.Path;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.predict.Predictor;

/**
 * Times single-image predictions as a user's take them: the file decoded anew each time, then
 * resized, normalized and run through the network. {@code warmup} untimed runs first.
 * Shared by {@code bench predict} and {@code bench transfer}.
 */
final class PredictionTimer {

    /** Milliseconds of each timed run: in all, decoding, and the prediction after decoding. */
    record Timings(double[] total, double[] decode, double[] network) {
    }

    private PredictionTimer() {
    }

    /** @param first {@code file} decoded once already (it decodes: a later failure is a fault) */
    static Timings time(Predictor predictor, Path file, DecodedImage first, int warmup, int runs, int top) {
        for (int i = 0; i < warmup; i++) {
            predictor.predict(first, top);
        }
        double[] total = new double[runs];
        double[] decode = new double[runs];
        double[] network = new double[runs];
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            DecodedImage decoded;
            try {
                decoded = ImageDecoder.decode(file);
            } catch (ImageDecodeException | java.io.IOException e) {
                throw new IllegalStateException("decoded once, failed later: " + e.getMessage(), e);
            }
            long b = System.nanoTime();
            predictor.predict(decoded, top);
            long c = System.nanoTime();
            total[i] = (c - a) / 1e6;
            decode[i] = (b - a) / 1e6;
            network[i] = (c - b) / 1e6;
        }
        return new Timings(total, decode, network);
    }
}
