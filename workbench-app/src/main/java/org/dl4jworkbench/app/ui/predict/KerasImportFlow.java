package org.dl4jworkbench.app.ui.predict;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The questions before a Keras import (File > Import Keras model..., or a .h5 chosen in the
 * prediction pane's Open model...): the Keras file (for an architecture .json, then its weights
 * file), what the file does not record ({@link KerasImportDialog}), then where to save the
 * model zip. The import itself is the pane's background work.
 */
final class KerasImportFlow {

    static final FileChooser.ExtensionFilter KERAS = new FileChooser.ExtensionFilter(
            "Keras 2 model (.h5; or an architecture .json)", "*.h5", "*.hdf5", "*.json");
    static final FileChooser.ExtensionFilter WEIGHTS = new FileChooser.ExtensionFilter(
            "Keras weights (.h5 of model.save_weights())", "*.h5", "*.hdf5");
    static final FileChooser.ExtensionFilter ZIP_OR_KERAS = new FileChooser.ExtensionFilter(
            "Model zip or Keras model (.zip, .h5)", "*.zip", "*.h5", "*.hdf5", "*.json");
    static final FileChooser.ExtensionFilter ZIP = new FileChooser.ExtensionFilter("Workbench model zip", "*.zip");

    private KerasImportFlow() {
    }

    /** True for a file the Keras import takes rather than the model zip reader. */
    static boolean isKeras(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".json");
    }

    /**
     * Asks what the import needs; empty when the user cancels any step.
     *
     * @param chosen the Keras file where it was chosen already, else null (asked for here)
     */
    static Optional<KerasRequest> ask(Window owner, FilePicker files, Path chosen) {
        Path file = chosen != null ? chosen
                : files.open(owner, "Import Keras model: the .h5 file (or the architecture .json)", KERAS);
        if (file == null) {
            return Optional.empty();
        }
        Path weights = null;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            weights = files.open(owner, "Weights for " + file.getFileName() + ": the .h5 file of model.save_weights()",
                    WEIGHTS);
            if (weights == null) {
                return Optional.empty();
            }
        }
        var answer = KerasImportDialog.show(owner, file, weights);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path out = files.save(owner, "Save the imported model as",
                file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".zip"), ZIP);
        if (out == null) {
            return Optional.empty();
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            out = out.resolveSibling(out.getFileName() + ".zip");
        }
        return Optional.of(new KerasRequest(file, weights, answer.get().normalization(), answer.get().classNames(),
                out));
    }
}
