package org.dl4jworkbench.core.sweep;

/**
 * A sweep that cannot run as asked: a {@code --vary} text that does not parse, a setting the
 * network does not have, a sweep folder that cannot be resumed. The message names the text or
 * file, what was expected and what was found.
 */
public final class SweepException extends Exception {

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
