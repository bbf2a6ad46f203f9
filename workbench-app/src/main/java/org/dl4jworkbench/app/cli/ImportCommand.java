package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.keras.ImportedKerasModel;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.keras.KerasModels;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.spec.Normalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench import FILE.h5}: a Keras 2 model as a workbench model zip, which
 * {@code predict} and {@code evaluate} open like any other. A Keras file records neither its
 * class names nor how its pixels were prepared: the user says them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turns a Keras 2 model file (model.save(\"model.h5\"), Sequential or functional) into a "
                + "workbench model zip for predict and evaluate.",
            "A Keras file does not record how its images were prepared, nor its class names: give them with "
                + "--normalization and --classes.",
            "Exit codes: 0 imported, 1 the import failed, 2 the file cannot be imported or the options are wrong."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The Keras model file (.h5), or the architecture JSON "
            + "(model.to_json()) with --weights.")
    Path file;

    @Option(names = "--weights", paramLabel = "WEIGHTS.h5",
            description = "A weights-only file (model.save_weights()) for an architecture JSON given as FILE.")
    Path weights;

    @Option(names = "--normalization", paramLabel = "KIND", defaultValue = "scale",
            description = "How the model's training pixels were prepared: none (raw 0..255), scale (0..1) or "
                    + "symmetric (-1..1, x/127.5 - 1, as the Keras applications). Default: ${DEFAULT-VALUE}.")
    String normalization;

    @Option(names = "--classes", paramLabel = "A,B,...", split = ",",
            description = "Class names in the order of the model's outputs (default: 0, 1, ...).")
    List<String> classes;

    @Option(names = "--out", paramLabel = "FILE.zip",
            description = "Where to write the model (default: FILE with .zip in place of its extension).")
    Path out;

    @Option(names = "--force", description = "Replace an existing file at --out.")
    boolean force;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws UserError, KerasImportException, IOException, BackendUnavailableException {
        PrintWriter stdout = command.commandLine().getOut();
        Normalization kind = normalization();
        Path target = target();
        Backend.load();
        ImportedKerasModel imported = weights == null ? KerasImport.importModel(file)
                : KerasImport.importModel(file, weights);
        if (classes != null && classes.size() != imported.outputs()) {
            throw new UserError("--classes gives " + classes.size() + " names, but " + file + " has "
                    + imported.outputs() + " outputs; give one name per output, in the model's order");
        }
        LoadedModel model = KerasModels.save(imported, kind, classes, target);
        List<String> names = model.classNames();
        stdout.printf(Locale.ROOT, "Imported %s (Keras %s, %s, %,d parameters): takes %s images, pixels %s; "
                        + "%,d classes (%s).%n", file.getFileName(), imported.kerasVersion(),
                imported.isGraph() ? "functional" : "Sequential", imported.parameters(), model.input(),
                model.normalizer(), names.size(), String.join(", ", names.subList(0, Math.min(5, names.size())))
                        + (names.size() > 5 ? ", ..." : ""));
        stdout.println("Saved " + target + ". Try: ./workbench predict --model " + target + " IMAGE");
        stdout.flush();
        return 0;
    }

    private Normalization normalization() throws UserError {
        return switch (normalization.toLowerCase(Locale.ROOT)) {
            case "none" -> Normalization.NONE;
            case "scale" -> Normalization.SCALE;
            case "symmetric" -> Normalization.SYMMETRIC;
            default -> throw new UserError("--normalization " + normalization + ": expected none (raw 0..255), "
                    + "scale (0..1) or symmetric (-1..1). A Keras file does not record its training images' "
                    + "statistics, so standardizing is not offered");
        };
    }

    /** --out, or FILE with .zip beside it; an existing file is replaced only with --force (it may be a trained model). */
    private Path target() throws UserError {
        Path target = out;
        if (target == null) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            target = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".zip");
        }
        if (Files.isDirectory(target)) {
            throw new UserError("--out " + target + " is a folder; give the path of the model file to write, e.g. "
                    + target.resolve("model.zip"));
        }
        if (Files.exists(target) && !force) {
            throw new UserError(target + " already exists; choose another --out, or add --force to replace it");
        }
        if (Arrays.asList(file.toAbsolutePath().normalize(), weights == null ? null
                : weights.toAbsolutePath().normalize()).contains(target.toAbsolutePath().normalize())) {
            throw new UserError("--out " + target + " is the Keras file itself; choose another --out");
        }
        return target;
    }
}
