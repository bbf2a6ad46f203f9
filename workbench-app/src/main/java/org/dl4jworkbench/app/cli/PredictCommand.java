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
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classifies images with a trained or imported model, or a pretrained network of the catalogue "
                + "as it is: a line per image with its most probable classes.",
            "The model file is checked before DL4J opens it, so a file from anywhere is safe to try.",
            "Exit codes: 0 all images classified, 1 some image could not be read (the others are still "
                    + "classified), 2 the model was refused or the options are wrong.",
            "'workbench bench predict' measures how long one prediction takes."})
final class PredictCommand implements Callable<Integer> {

    /** Exactly one of them: a model file, or a pretrained network of the catalogue. */
    static final class Source {
        @Option(names = "--model", required = true, paramLabel = "FILE",
                description = "A model.zip saved by 'workbench train' (in its run folder) or 'workbench import'.")
        Path model;

        @Option(names = "--pretrained", required = true, paramLabel = "ID",
                description = "A pretrained network installed by 'workbench models download ID', with its own "
                        + "classes (mobilenet-v1-0.75: the 1,000 ImageNet classes).")
        String pretrained;

        String describe() {
            return model != null ? model.toString() : "pretrained:" + pretrained;
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Classes to show per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print one JSON object with every image's result (errors as fields).")
    boolean json;

    @Option(names = "--explain", paramLabel = "DIR",
            description = "Also write a heat map of what the network looked at, per image, as DIR/NAME.METHOD.png: "
                    + "the image as the network saw it (enlarged when small) with the map blended over it.")
    Path explain;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "gradcam",
            description = "With --explain: gradcam (Grad-CAM on a convolution's feature maps, coarse but about the "
                    + "class) or saliency (the input gradient, sharp but noisy; works without convolutions). "
                    + "Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "With --explain and gradcam: the layer, by name or index (default: the last convolution).")
    String layer;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files: JPEG, PNG, BMP or GIF.")
    List<Path> images = new ArrayList<>();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws UserError, BackendUnavailableException, InvalidModelException, InvalidDataException,
            KerasImportException, IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        checkOptions();
        Backend.load();
        LoadedModel loaded = source.model != null
                ? ModelFiles.load(source.model) // a refused or unreadable model: ErrorMapper says why
                : pretrained(source.pretrained);
        var predictor = new Predictor(loaded);
        ExplainOutput explainer = explain == null ? null : ExplainOutput.open(explain, method, layer, loaded);
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
                if (explainer != null) {
                    var written = explainer.write(image);
                    result.put("explanation", written.file().toString());
                    result.put("explained_layer", written.explanation().layer());
                    if (!json) {
                        out.println("  " + written.describe());
                    }
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
            all.put("model", source.describe());
            all.put("results", results);
            out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /** The network as it is, from the data folder; not installed or unknown is the user's to fix (exit 2). */
    private static LoadedModel pretrained(String id) throws UserError, InvalidDataException, KerasImportException,
            IOException {
        if (PretrainedCatalog.find(id).isEmpty()) {
            throw new UserError("--pretrained: " + PretrainedCatalog.unknownId(id)
                    + " ('workbench models list' shows them)");
        }
        try {
            return Pretrained.model(id, WorkbenchDirs.data());
        } catch (IOException e) {
            if (e.getCause() instanceof InvalidDataException notInstalled) {
                throw notInstalled; // says where to put the file, or to run 'workbench models download ID'
            }
            if (e.getCause() instanceof KerasImportException damaged) {
                throw damaged;
            }
            throw e;
        }
    }

    private void checkOptions() throws UserError {
        if (top < 1) {
            throw new UserError("--top must be at least 1, found " + top);
        }
        if (explain == null && (layer != null || !"gradcam".equals(method))) {
            throw new UserError((layer != null ? "--layer" : "--method") + " only applies with --explain DIR");
        }
        if (images.isEmpty()) {
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
