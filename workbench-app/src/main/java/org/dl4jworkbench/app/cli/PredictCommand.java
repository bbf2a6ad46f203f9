package org.dl4jworkbench.app.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classifies images with a trained model: a line per image with its most probable classes.",
            "The model file is checked before DL4J opens it, so a file from anywhere is safe to try.",
            "Exit codes: 0 all images classified, 1 some image could not be read (the others are still "
                    + "classified), 2 the model was refused or the options are wrong.",
            "With --bench: loads the model once, warms up, times --runs single-image predictions (decode, "
                    + "preprocess, network) and prints one JSON line of figures."})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model.zip saved by 'workbench train' (in its run folder).")
    Path model;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Classes to show per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print one JSON object with every image's result (errors as fields).")
    boolean json;

    @Option(names = "--bench", description = "Measure prediction latency on IMAGE (default: a generated image of "
            + "the model's input size) instead of printing predictions.")
    boolean bench;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200",
            description = "With --bench: timed predictions (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20",
            description = "With --bench: untimed predictions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files: JPEG, PNG, BMP or GIF.")
    List<Path> images = new ArrayList<>();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try {
            checkOptions();
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        if (bench) {
            return PredictionBenchmark.run(model, images.isEmpty() ? null : images.get(0), warmup, runs, top, out, err);
        }
        try {
            Backend.load();
        } catch (BackendUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        LoadedModel loaded;
        try {
            loaded = ModelFiles.load(model);
        } catch (InvalidModelException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read model " + model + " (" + e.getMessage() + ")");
            return 1;
        }
        var predictor = new Predictor(loaded);
        List<Map<String, Object>> results = new ArrayList<>();
        boolean failed = false;
        for (Path image : images) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("image", image.toString());
            try {
                Prediction p = predictor.predict(image, top);
                result.put("top", p.top().stream().map(PredictCommand::json).toList());
                if (!json) {
                    out.println(image + ": " + p.top().stream().map(PredictCommand::text)
                            .collect(Collectors.joining(", ")));
                }
            } catch (ImageDecodeException | IOException e) {
                failed = true;
                result.put("error", why(e));
                if (!json) {
                    err.println("error: " + image + ": " + why(e));
                }
            }
            results.add(result);
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("model", model.toString());
            all.put("results", results);
            out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private void checkOptions() throws UserError {
        if (top < 1) {
            throw new UserError("--top must be at least 1, found " + top);
        }
        if (bench) {
            if (images.size() > 1) {
                throw new UserError("--bench takes at most one image, found " + images.size());
            }
            if (runs < 1 || warmup < 0) {
                throw new UserError("--runs must be at least 1 and --warmup at least 0, found " + runs + " and "
                        + warmup);
            }
        } else if (images.isEmpty()) {
            throw new UserError("no image given; name one or more image files after the options, e.g. "
                    + "'workbench predict --model runs/NAME/model.zip digit.png'");
        }
    }

    private static String why(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e instanceof ImageDecodeException ? e.getMessage() : "cannot read the file (" + e.getMessage() + ")";
    }

    private static String text(ClassProbability c) {
        return String.format(Locale.ROOT, "%s %.1f%%", c.name(), c.probability() * 100);
    }

    private static Map<String, Object> json(ClassProbability c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", c.name());
        m.put("index", c.index());
        m.put("probability", Math.round(c.probability() * 1e6) / 1e6);
        return m;
    }
}
