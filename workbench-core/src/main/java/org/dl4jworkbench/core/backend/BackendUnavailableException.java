package org.dl4jworkbench.core.backend;

/** ND4J's native backend could not start; the message says which and what to do. */
public class BackendUnavailableException extends Exception {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
