package org.dl4jworkbench.core.spec;

/**
 * A network file that cannot be read: not JSON, an unknown field or layer type, a missing
 * field, or a newer format version. The message names the file, the place in it, and what
 * was expected; it is meant for the user as it is.
 */
public class SpecFormatException extends Exception {

    public SpecFormatException(String message) {
        super(message);
    }

    public SpecFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
