package org.dl4jworkbench.core.keras;

/**
 * A Keras file the workbench cannot import: missing, not HDF5, damaged, saved by Keras 3,
 * weights without an architecture, or with a layer DL4J cannot build. The message names the
 * file, says what was expected and what was found, and a way out; it is meant for the user
 * as it is.
 */
public class KerasImportException extends Exception {

    public KerasImportException(String message) {
        super(message);
    }

    public KerasImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
