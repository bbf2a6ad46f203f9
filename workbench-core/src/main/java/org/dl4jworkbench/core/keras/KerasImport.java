package org.dl4jworkbench.core.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Imports a Keras 2 model into DL4J: a full-model HDF5 file ({@code model.save("m.h5")}), or
 * an architecture JSON ({@code model.to_json()}) with a weights-only HDF5 file, as Keras
 * publishes its application weights. The files are checked first (HDF5, Keras version,
 * architecture present, one image input) so that every refusal is a message, never a DL4J
 * stack trace. Training configuration is not enforced: files saved by TensorFlow 2.11+
 * name optimizers DL4J does not know (deeplearning4j#10042), and the workbench trains with
 * its own.
 */
public final class KerasImport {

    private KerasImport() {
    }

    /** A full-model file: architecture and weights in one HDF5 file. */
    public static ImportedKerasModel importModel(Path h5) throws KerasImportException {
        requireFile(h5, "Keras model file (.h5)");
        KerasFileHeader header = KerasFileHeader.read(h5);
        String version = kerasVersion(header.kerasVersion(), h5);
        if (header.modelConfig().isEmpty()) {
            throw new KerasImportException(h5 + " holds weights only (found no model_config attribute); expected a"
                    + " full model with its architecture. Pass the architecture JSON too (model.to_json(), saved to a"
                    + " .json file) with this weights file, or save the whole model with model.save(\"model.h5\").");
        }
        KerasModelConfig config = parse(header.modelConfig().get(), h5);
        KerasInputShape input = imageInput(config, h5);
        String path = h5.toAbsolutePath().toString();
        Model network = build(config, h5, () -> config.isSequential()
                ? KerasModelImport.importKerasSequentialModelAndWeights(path, false)
                : KerasModelImport.importKerasModelAndWeights(path, false));
        return describe(network, input, version, header.backend().orElse("?"), h5);
    }

    /** An architecture ({@code model.to_json()}) and a weights-only HDF5 file ({@code model.save_weights("w.h5")}). */
    public static ImportedKerasModel importModel(Path modelJson, Path weightsH5) throws KerasImportException {
        requireFile(modelJson, "Keras architecture JSON (model.to_json())");
        requireFile(weightsH5, "Keras weights file (.h5)");
        String json;
        try {
            json = Files.readString(modelJson);
        } catch (IOException e) {
            throw new KerasImportException(modelJson + " could not be read as text: " + shortMessage(e)
                    + "; expected the JSON of model.to_json().", e);
        }
        KerasModelConfig config = parse(json, modelJson);
        KerasFileHeader weights = KerasFileHeader.read(weightsH5);
        String version = kerasVersion(config.kerasVersion().or(weights::kerasVersion), modelJson);
        kerasVersion(weights.kerasVersion().or(() -> Optional.of(version)), weightsH5);
        if (weights.modelWeightsGroup()) {
            throw new KerasImportException(weightsH5 + " is a full-model file (found the model_weights group of"
                    + " model.save()); expected a weights-only file (model.save_weights()) beside the architecture JSON."
                    + " Import " + weightsH5.getFileName() + " on its own, without " + modelJson.getFileName() + ".");
        }
        KerasInputShape input = imageInput(config, modelJson);
        String jsonPath = modelJson.toAbsolutePath().toString();
        String weightsPath = weightsH5.toAbsolutePath().toString();
        Model network = build(config, weightsH5, () -> config.isSequential()
                ? KerasModelImport.importKerasSequentialModelAndWeights(jsonPath, weightsPath, false)
                : KerasModelImport.importKerasModelAndWeights(jsonPath, weightsPath, false));
        return describe(network, input, version, config.backend().or(weights::backend).orElse("?"), weightsH5);
    }

    private static void requireFile(Path file, String what) throws KerasImportException {
        Objects.requireNonNull(file, what);
        if (!Files.exists(file)) {
            throw new KerasImportException(file + " does not exist; expected a " + what + ". Check the path.");
        }
        if (!Files.isRegularFile(file)) {
            throw new KerasImportException(file + " is a folder, not a file; expected a " + what + ".");
        }
    }

    /** DL4J reads Keras 1 and 2; Keras 3 changed the layer configs and the weights layout. */
    private static String kerasVersion(Optional<String> found, Path file) throws KerasImportException {
        if (found.isEmpty()) {
            throw new KerasImportException(file + " has no keras_version; expected a model saved by Keras 2"
                    + " (model.save(\"model.h5\")). Save it again with Keras 2 (TensorFlow 2.15 or earlier, or tf_keras).");
        }
        String version = found.get().strip();
        if (!version.startsWith("1.") && !version.startsWith("2.")) {
            throw new KerasImportException(file + " was saved by Keras " + version + "; DL4J imports Keras 1 and 2"
                    + " models only. Save the model with Keras 2: TensorFlow 2.15 or earlier, or tf_keras"
                    + " (pip install tf_keras, then import tf_keras as keras) and model.save(\"model.h5\").");
        }
        return version;
    }

    private static KerasModelConfig parse(String json, Path file) throws KerasImportException {
        try {
            return KerasModelConfig.parse(json);
        } catch (IllegalArgumentException e) {
            throw new KerasImportException(file + ": expected a Keras model architecture (the JSON of model.to_json()),"
                    + " found " + e.getMessage() + ". Save the model again with Keras 2.");
        }
    }

    private static KerasInputShape imageInput(KerasModelConfig config, Path file) throws KerasImportException {
        if (config.inputCount() != 1 || config.outputCount() != 1) {
            throw new KerasImportException(file + ": expected a model with one input and one output, found "
                    + config.inputCount() + " inputs and " + config.outputCount() + " outputs. The workbench"
                    + " classifies single images; export a model with one image input and one class output.");
        }
        List<Integer> dims = config.inputShape();
        if (dims.size() != 3 || dims.contains(null)) {
            throw new KerasImportException(file + ": expected an image input of fixed height, width and channels,"
                    + " found input shape " + dims.toString().replace("null", "None") + ". Give the model's Input a"
                    + " fixed shape, e.g. Input(shape=(224, 224, 3)), and save it again.");
        }
        return config.channelsLast() ? new KerasInputShape(dims.get(0), dims.get(1), dims.get(2), true)
                : new KerasInputShape(dims.get(1), dims.get(2), dims.get(0), false);
    }

    private interface Dl4jImport {
        Model run() throws IOException, UnsupportedKerasConfigurationException, InvalidKerasConfigurationException;
    }

    /** Runs DL4J's import under the HDF5 lock, turning its exceptions into messages. */
    private static Model build(KerasModelConfig config, Path file, Dl4jImport dl4j) throws KerasImportException {
        synchronized (Hdf5.LOCK) {
            try {
                return dl4j.run();
            } catch (UnsupportedKerasConfigurationException e) {
                throw new KerasImportException(file + ": " + KerasLayerBlame.describe(e, config)
                        + " DL4J 1.0.0-M2.1 cannot import it (" + shortMessage(e) + "). Replace that layer with one"
                        + " DL4J supports (Conv2D, DepthwiseConv2D, SeparableConv2D, Dense, BatchNormalization,"
                        + " pooling, Activation, Dropout, Flatten, Add, Concatenate) and save the model again.", e);
            } catch (InvalidKerasConfigurationException e) {
                throw new KerasImportException(file + ": " + KerasLayerBlame.describe(e, config)
                        + " DL4J found the Keras configuration invalid (" + shortMessage(e) + "). Check that the file"
                        + " was saved by Keras 2 with model.save(), or by model.to_json() and model.save_weights()"
                        + " of the same model.", e);
            } catch (IOException | RuntimeException e) {
                throw new KerasImportException(file + " could not be imported: " + shortMessage(e) + ". Expected a"
                        + " Keras 2 model DL4J can read; the file may be damaged, or hold weights of another model.", e);
            }
        }
    }

    private static ImportedKerasModel describe(Model network, KerasInputShape input, String version, String backend,
            Path file) {
        InputType inputType = InputType.convolutional(input.height(), input.width(), input.channels(),
                input.channelsLast() ? CNN2DFormat.NHWC : CNN2DFormat.NCHW);
        InputType output;
        if (network instanceof ComputationGraph graph) {
            String outputName = graph.getConfiguration().getNetworkOutputs().get(0);
            output = graph.getConfiguration().getLayerActivationTypes(inputType).get(outputName);
        } else {
            List<InputType> types = ((MultiLayerNetwork) network).getLayerWiseConfigurations()
                    .getLayerActivationTypes(inputType);
            output = types.get(types.size() - 1);
        }
        return new ImportedKerasModel(network, input, output.arrayElementsPerExample(), network.numParams(),
                version, backend, file);
    }

    /** The first line of an exception's message without DL4J's issue-tracker advice or a final stop, or its class name. */
    static String shortMessage(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        for (String tail : new String[] {" Please file an issue", " For more information"}) {
            int at = line.indexOf(tail);
            if (at > 0) {
                line = line.substring(0, at).strip();
            }
        }
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
