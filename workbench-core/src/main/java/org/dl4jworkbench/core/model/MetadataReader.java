package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.util.Json;

/**
 * Reads and checks {@code workbench.json}: its format version first (so a newer file says so
 * rather than failing on a field it does not know), then strictly, then that what prediction
 * relies on is usable: class names, an input size the preprocessor can make, a normalizer
 * with one finite mean and positive deviation per channel, and a spec that agrees. A model
 * without a spec is accepted only where the metadata says it was imported from Keras.
 */
final class MetadataReader {

    /** Images are resized to the input; a side beyond this is no workbench network. */
    static final int MAX_SIDE = 4096;

    private MetadataReader() {
    }

    static ModelMetadata read(byte[] json, String where) throws InvalidModelException {
        ModelMetadata metadata;
        try {
            JsonNode tree = Json.mapper().readTree(json);
            JsonNode version = tree == null ? null : tree.get("format_version");
            if (version != null && version.canConvertToInt()
                    && version.intValue() > ModelMetadata.NEWEST_FORMAT_VERSION) {
                throw new InvalidModelException("cannot use " + where + ": written by a newer DL4J Workbench (model "
                        + "format version " + version.intValue() + "); this one reads versions up to "
                        + ModelMetadata.NEWEST_FORMAT_VERSION + ". Update the workbench to open it");
            }
            metadata = Json.mapper().treeToValue(tree, ModelMetadata.class);
        } catch (JsonProcessingException e) {
            throw new InvalidModelException("cannot use " + where + ": not valid model metadata ("
                    + e.getOriginalMessage() + "). The file is damaged or was not saved by the DL4J Workbench", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidModelException("cannot use " + where + ": not valid model metadata (" + e.getMessage()
                    + "). The file is damaged or was not saved by the DL4J Workbench", e);
        }
        if (metadata == null) {
            throw invalid(where, "a JSON object", "nothing");
        }
        check(metadata, where);
        return metadata;
    }

    private static void check(ModelMetadata m, String where) throws InvalidModelException {
        if (m.formatVersion() < 1) {
            throw invalid(where, "format_version 1 to " + ModelMetadata.NEWEST_FORMAT_VERSION,
                    String.valueOf(m.formatVersion()));
        }
        if (m.importedFromKeras() && m.formatVersion() < ModelMetadata.KERAS_IMPORT_FORMAT_VERSION) {
            throw invalid(where, "format_version " + ModelMetadata.KERAS_IMPORT_FORMAT_VERSION + " for a model "
                    + "imported from Keras", String.valueOf(m.formatVersion()));
        }
        if (m.importedFromKeras() == m.hasSpec()) {
            throw invalid(where, "either a network spec (a model the workbench trained) or keras_import (a model "
                    + "imported from Keras)", m.hasSpec() ? "both" : "neither");
        }
        if (m.classNames().isEmpty() || m.classNames().stream().anyMatch(n -> n == null)) {
            throw invalid(where, "class_names, one name per class", m.classNames().toString());
        }
        if (m.height() < 1 || m.height() > MAX_SIDE || m.width() < 1 || m.width() > MAX_SIDE) {
            throw invalid(where, "an input of 1 to " + MAX_SIDE + " pixels a side", m.height() + "x" + m.width());
        }
        if (m.channels() != 1 && m.channels() != 3) {
            throw invalid(where, "1 or 3 input channels", String.valueOf(m.channels()));
        }
        Normalizer n = m.normalizer();
        if (n == null) {
            throw invalid(where, "a normalizer", "none");
        }
        if (n.kind().equals(Normalizer.STANDARDIZE)) {
            if (n.mean().length != m.channels()) {
                throw invalid(where, "a mean and deviation per channel (" + m.channels() + ")",
                        n.mean().length + " values");
            }
            for (int c = 0; c < n.mean().length; c++) {
                if (!Float.isFinite(n.mean()[c]) || !Float.isFinite(n.std()[c]) || n.std()[c] <= 0) {
                    throw invalid(where, "finite means and positive deviations", n.toString());
                }
            }
        }
    }

    /**
     * The network spec in the metadata, which must agree with the metadata's input and classes;
     * null for a model imported from Keras (which {@link #read} has made sure of).
     */
    static NetworkSpec spec(ModelMetadata m, String where) throws InvalidModelException {
        if (!m.hasSpec()) {
            return null;
        }
        NetworkSpec spec;
        try {
            spec = SpecJson.fromTree(m.network(), where + " network");
        } catch (SpecFormatException e) {
            throw new InvalidModelException("cannot use " + e.getMessage() + ". The file is damaged or was saved by "
                    + "another workbench version", e);
        }
        InputSpec input = new InputSpec(m.height(), m.width(), m.channels());
        if (!spec.input().equals(input)) {
            throw invalid(where, "the network's input " + spec.input(), input.toString());
        }
        if (spec.output().classes() != m.classNames().size()) {
            throw invalid(where, spec.output().classes() + " class names, as the network has outputs",
                    String.valueOf(m.classNames().size()));
        }
        return spec;
    }

    private static InvalidModelException invalid(String where, String expected, String found) {
        return new InvalidModelException("cannot use " + where + ": expected " + expected + ", found " + found
                + ". The file is damaged or was not saved by the DL4J Workbench");
    }
}
