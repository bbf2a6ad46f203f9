package org.dl4jworkbench.core.model;

/**
 * A model file that cannot be used: not a zip, damaged, not made by the workbench, or with
 * metadata that disagrees with its network. The message names the file, says what was
 * expected and what was found, and a way out; it is meant for the user as it is.
 */
public class InvalidModelException extends Exception {

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
