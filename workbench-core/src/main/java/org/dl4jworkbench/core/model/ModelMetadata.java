package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dl4jworkbench.core.data.Normalizer;

/**
 * What the workbench stores beside DL4J's own entries in a model zip: everything prediction
 * needs (class names, input size, the normalizer, the network spec as JSON) and a summary of
 * how the model was trained. {@code network} is kept as a JSON tree so that it is read
 * through {@code SpecJson}, with its own version check.
 *
 * <p>A model imported from Keras has no network spec ({@code network} null) and says where it
 * came from in {@code kerasImport}; every other model has a spec and no {@code kerasImport}.
 * Such files are format version {@value #KERAS_IMPORT_FORMAT_VERSION}, so a workbench from
 * before imports says "update" rather than "damaged"; files without it stay version
 * {@value #FORMAT_VERSION}, readable by every workbench that reads their network.
 */
public record ModelMetadata(int formatVersion, String workbenchVersion, String dl4jVersion, String created,
                            List<String> classNames, int height, int width, int channels, Normalizer normalizer,
                            String dataset, int epochs, double testAccuracy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode network,
                            @JsonInclude(JsonInclude.Include.NON_NULL) KerasSource kerasImport) {

    /** The version of files the workbench trains. */
    public static final int FORMAT_VERSION = 1;
    /** The version of files that hold {@code kerasImport}. */
    public static final int KERAS_IMPORT_FORMAT_VERSION = 2;
    /** The newest version this workbench reads. */
    public static final int NEWEST_FORMAT_VERSION = KERAS_IMPORT_FORMAT_VERSION;

    public ModelMetadata {
        classNames = List.copyOf(classNames);
    }

    /** The metadata of a model the workbench trained, from its spec ({@code network}). */
    public ModelMetadata(int formatVersion, String workbenchVersion, String dl4jVersion, String created,
                         List<String> classNames, int height, int width, int channels, Normalizer normalizer,
                         String dataset, int epochs, double testAccuracy, JsonNode network) {
        this(formatVersion, workbenchVersion, dl4jVersion, created, classNames, height, width, channels, normalizer,
                dataset, epochs, testAccuracy, network, null);
    }

    public boolean importedFromKeras() {
        return kerasImport != null;
    }

    /** Whether there is a network spec (a JSON {@code null} read back counts as none). */
    public boolean hasSpec() {
        return network != null && !network.isNull() && !network.isMissingNode();
    }
}
