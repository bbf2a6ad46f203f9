package org.dl4jworkbench.app.ui.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.dl4jworkbench.core.keras.ImportedKerasModel;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.keras.KerasModels;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;

/**
 * Models the prediction pane opens besides model zips, made off the FX thread: a pretrained
 * network of the catalogue as it is, and a Keras model imported into a model zip.
 */
final class ModelSources {

    /** A model ready to predict with, and how the pane names it. */
    record Opened(Predictor predictor, String description) {
    }

    private ModelSources() {
    }

    /**
     * The pretrained network {@code entry} installed under {@code dataRoot}, with its own classes.
     *
     * @throws org.dl4jworkbench.core.pretrained.NotInstalledException where it is not installed
     */
    static Opened pretrained(PretrainedEntry entry, Path dataRoot) throws IOException {
        LoadedModel model = Pretrained.model(entry.id(), dataRoot);
        return new Opened(new Predictor(model), "pretrained " + entry.title() + ", not trained here");
    }

    /**
     * Imports {@code request}'s Keras file and saves it as a model zip at {@code request.out()},
     * opened again as any model file is (screened).
     *
     * @throws KerasImportException with a message for the user: a Keras 3, weights-only, damaged
     *                              file, a layer DL4J cannot import, or class names that are
     *                              not one per output
     */
    static Opened keras(KerasRequest request) throws KerasImportException, IOException {
        ImportedKerasModel imported = request.weights() == null ? KerasImport.importModel(request.file())
                : KerasImport.importModel(request.file(), request.weights());
        var names = request.classNames();
        if (names != null && names.size() != imported.outputs()) {
            throw new KerasImportException(String.format(Locale.ROOT, "%s has %,d outputs, but %d class names were "
                    + "given; give one name per output, in the model's order, or leave the class names blank for 0 to "
                    + "%,d.", request.file().getFileName(), imported.outputs(), names.size(), imported.outputs() - 1));
        }
        LoadedModel model = KerasModels.save(imported, request.normalization(), names, request.out());
        return new Opened(new Predictor(model), PredictionWork.describe(request.out(), model));
    }
}
