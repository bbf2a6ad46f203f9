package org.dl4jworkbench.core.run;

/**
 * A run that cannot be resumed, with a message for the user that says why and what to do
 * instead (start it again, give more epochs, start a new run). Not a fault: a user's choice
 * of run folder, or data that changed since.
 */
public final class ResumeException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResumeException(String message) {
        super(message);
    }

    public ResumeException(String message, Throwable cause) {
        super(message, cause);
    }
}
