package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dl4jworkbench.core.data.Normalizer;

/**
 * What the workbench stores beside DL4J's own entries in a model zip: everything prediction
 * needs (class names, input size, the normalizer, the network spec as JSON) and a summary of
 * how the model was trained. {@code network} is kept as a JSON tree so that it is read
 * through {@code SpecJson}, with its own version check.
 */
public record ModelMetadata(int formatVersion, String workbenchVersion, String dl4jVersion, String created,
                            List<String> classNames, int height, int width, int channels, Normalizer normalizer,
                            String dataset, int epochs, double testAccuracy, JsonNode network) {

    public static final int FORMAT_VERSION = 1;
    public ModelMetadata {
        classNames = List.copyOf(classNames);
    }
}
