package org.dl4jworkbench.app.ui.predict;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.spec.Normalization;

/**
 * A Keras import as the window asks for it: the Keras file (or an architecture JSON with its
 * {@code weights}, else null), what the file does not record (pixel scaling, class names; null
 * for "0" to "N-1"), and the model zip to write.
 */
public record KerasRequest(Path file, Path weights, Normalization normalization, List<String> classNames, Path out) {
    public KerasRequest {
        classNames = classNames == null ? null : List.copyOf(classNames);
    }
}
