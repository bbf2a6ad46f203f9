package org.dl4jworkbench.app.project;

/** A project file that cannot be read; the message names the file and says what to do. */
public final class ProjectFormatException extends Exception {

    public ProjectFormatException(String message) {
        super(message);
    }

    public ProjectFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
