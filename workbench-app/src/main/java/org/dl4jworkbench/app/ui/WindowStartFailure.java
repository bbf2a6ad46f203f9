package org.dl4jworkbench.app.ui;

import java.util.Optional;

/**
 * Why the window could not start, in words a user can act on: JavaFX refuses to start
 * without a display or without GTK 3 (the base image of many servers and containers has
 * neither) and says so only in an exception. Other failures are faults of the workbench and
 * keep their trace.
 */
public final class WindowStartFailure {

    private WindowStartFailure() {
    }

    /**
     * The command the user ran, for the messages: {@code ./workbench} from the source tree, or
     * what {@code -Dworkbench.command} names (the installed package's {@code dl4j-workbench}).
     */
    static String command() {
        String command = System.getProperty("workbench.command");
        return command == null || command.isBlank() ? "./workbench" : command;
    }

    /** The message for a failure of {@code Application.launch}, or empty if it is not a missing display or GTK. */
    public static Optional<String> explain(Throwable failure, String display) {
        return explain(failure, display, command());
    }

    /** As {@link #explain(Throwable, String)}, the messages naming {@code command}. */
    static Optional<String> explain(Throwable failure, String display, String command) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (!(t instanceof UnsupportedOperationException || t instanceof UnsatisfiedLinkError)) {
                continue;
            }
            if (message.contains("GTK")) {
                return Optional.of(noGtk(command));
            }
            if (message.contains("DISPLAY")) {
                return Optional.of(noDisplay(display, command));
            }
        }
        return Optional.empty();
    }

    private static String noGtk(String command) {
        return "workbench: the window cannot start: JavaFX needs the GTK 3 library (libgtk-3.so.0), "
                + "and this system has none.\n"
                + "Install it (Debian, Ubuntu: sudo apt-get install libgtk-3-0; Fedora: sudo dnf install gtk3) "
                + "and start " + command + " again,\n"
                + "or use the command line without a window: " + command + " --help lists the commands.";
    }

    private static String noDisplay(String display, String command) {
        String found = display == null || display.isBlank()
                ? "DISPLAY is not set" : "the display '" + display + "' (DISPLAY) cannot be opened";
        return "workbench: the window cannot start: it needs a graphical desktop, and " + found + ".\n"
                + "Start it from a desktop session, or on a virtual screen (xvfb-run -a " + command + ", "
                + "apt-get install xvfb),\n"
                + "or use the command line without a window: " + command + " --help lists the commands.";
    }
}
