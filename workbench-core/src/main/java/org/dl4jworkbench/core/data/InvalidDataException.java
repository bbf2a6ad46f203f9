package org.dl4jworkbench.core.data;

/**
 * A dataset file or folder that cannot be used: missing, truncated, of the wrong kind.
 * The message names the file, says what was expected and what was found, and how to get
 * a good copy; it is meant for the user as it is.
 */
public class InvalidDataException extends Exception {

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
