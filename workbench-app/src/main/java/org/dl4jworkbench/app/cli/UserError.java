package org.dl4jworkbench.app.cli;

/** A mistake in what the user gave (a file, a name, a network); the message is shown as it is. */
final class UserError extends Exception {

    UserError(String message) {
        super(message);
    }
}
