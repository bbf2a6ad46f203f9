package org.dl4jworkbench.app.cli;

/** A mistake in what the user gave (a file, a name, a network); the message is shown as it is. */
public final class UserError extends Exception {

    public UserError(String message) {
        super(message);
    }
}
