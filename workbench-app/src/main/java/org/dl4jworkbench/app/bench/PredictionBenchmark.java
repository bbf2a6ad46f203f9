package org.dl4jworkbench.app.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.util.Json;

/**
 * {@code workbench bench predict}: the latency of one prediction as a user of the window
 * or the command line meets it, after the model is loaded: decode the file, preprocess,
 * normalize, run the network. Times are per image, one image at a time, after a warm-up
 * (ND4J's first calls set up workspaces). Loading is timed twice, each with how much of it
 * was the screening before DL4J: first in a fresh process, then warm. The backend is started
 * before, and timed apart.
 */
final class PredictionBenchmark {

    private PredictionBenchmark() {
    }

    static int run(Path modelFile, Path image, int warmup, int runs, int top, PrintWriter out, PrintWriter err)
            throws IOException {
        long t0 = System.nanoTime();
        Backend backend;
        try {
            backend = Backend.load();
        } catch (BackendUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        long t1 = System.nanoTime();
        LoadedModel model;
        try {
            model = ModelFiles.load(modelFile);
        } catch (InvalidModelException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read model " + modelFile + " (" + e.getMessage() + ")");
            return 1;
        }
        long t2 = System.nanoTime();
        // Again, warm: the first load also pays for loading DL4J's and Jackson's classes, once per process.
        LoadedModel again;
        try {
            again = ModelFiles.load(modelFile);
        } catch (InvalidModelException e) {
            throw new IllegalStateException("loaded once, refused later: " + e.getMessage(), e);
        }
        long t3 = System.nanoTime();
        Path file = image != null ? image : generated(model.input());
        DecodedImage first;
        try {
            first = ImageDecoder.decode(file);
        } catch (ImageDecodeException | IOException e) {
            err.println("error: " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e.getMessage()));
            return WorkbenchCommand.BAD_INPUT;
        }
        var timings = PredictionTimer.time(new Predictor(model), file, first, warmup, runs, top);
        double[] total = timings.total();
        double[] decode = timings.decode();
        double[] network = timings.network();

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", modelFile.toString());
        r.put("network", model.spec().name());
        r.put("parameters", model.network().parameterCount());
        r.put("input", model.input().toString());
        r.put("image", image != null ? image.toString() : "generated");
        r.put("image_size", first.width() + "x" + first.height() + "x" + first.channels());
        r.put("backend", backend.toString());
        r.put("backend_start_ms", round((t1 - t0) / 1e6));
        r.put("load_ms", round((t2 - t1) / 1e6));
        r.put("screen_ms", round(model.screening().toNanos() / 1e6));
        r.put("second_load_ms", round((t3 - t2) / 1e6));
        r.put("second_screen_ms", round(again.screening().toNanos() / 1e6));
        r.put("warmup", warmup);
        r.put("runs", runs);
        r.put("median_ms", round(percentile(total, 50)));
        r.put("p95_ms", round(percentile(total, 95)));
        r.put("decode_median_ms", round(percentile(decode, 50)));
        r.put("network_median_ms", round(percentile(network, 50)));
        r.put("images_per_second", round(1000 / percentile(total, 50)));
        err.printf(Locale.ROOT, "%s: loaded in %.0f ms (screening %.1f ms), again in %.0f ms (%.1f ms); one image "
                        + "in %.2f ms median, %.2f ms 95th percentile (decode %.2f ms, network %.2f ms), %d runs%n",
                modelFile, r.get("load_ms"), r.get("screen_ms"), r.get("second_load_ms"), r.get("second_screen_ms"),
                r.get("median_ms"), r.get("p95_ms"),
                r.get("decode_median_ms"), r.get("network_median_ms"), runs);
        out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        return 0;
    }

    /** A noise image of the model's input size as a PNG (the content does not change the time). */
    private static Path generated(InputSpec input) throws IOException {
        var image = new BufferedImage(input.width(), input.height(),
                input.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        var random = new Random(1);
        for (int y = 0; y < input.height(); y++) {
            for (int x = 0; x < input.width(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = Files.createTempFile("workbench-bench-", ".png");
        file.toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
