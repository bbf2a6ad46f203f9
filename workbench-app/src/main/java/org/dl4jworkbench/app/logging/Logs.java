package org.dl4jworkbench.app.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.dl4jworkbench.core.data.WorkbenchDirs;

/**
 * Where the workbench logs: one file, {@code workbench.log} in the data folder's {@code logs/}
 * ({@code WORKBENCH_LOGS} or {@code -Dworkbench.logs} choose another folder), rotated by size.
 * DL4J, ND4J and JavaFX log through slf4j or {@code System.Logger}, both routed to
 * java.util.logging (slf4j-jdk14), so their start-up chatter lands there too and the console
 * keeps only what the workbench prints itself. Error messages name {@link #file()} for the
 * full story.
 */
public final class Logs {

    /** Rotated at 2 MB, with two older files kept: a few hundred runs' worth of start-up and faults. */
    static final long LIMIT_BYTES = 2L << 20;
    static final int KEPT = 2;

    private static Path file;
    private static String unavailable;

    private Logs() {
    }

    /**
     * Sends all logging to the log file from now on (idempotent). Where the file cannot be
     * opened, warnings and errors go to the console instead, and {@link #file()} is null.
     */
    public static synchronized void start() {
        if (file != null || unavailable != null) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        root.setLevel(Level.INFO);
        Path target = folder().resolve("workbench.log");
        try {
            root.addHandler(new RotatingFileHandler(target, LIMIT_BYTES, KEPT));
            file = target;
        } catch (IOException | RuntimeException e) {
            unavailable = target + " cannot be written (" + e.getMessage() + ")";
            var console = new ConsoleHandler();
            console.setLevel(Level.WARNING);
            root.addHandler(console);
            root.warning("workbench: logging to the console: " + unavailable);
        }
    }

    /** The log file, once {@link #start()} has opened it; null where it could not. */
    public static synchronized Path file() {
        start();
        return file;
    }

    /** Where a message sends the user for details: the log file, or why there is none. */
    public static synchronized String where() {
        start();
        return file != null ? file.toString() : "no log file: " + unavailable;
    }

    /** The folder of the log files. */
    public static Path folder() {
        String value = System.getProperty("workbench.logs", System.getenv("WORKBENCH_LOGS"));
        return value == null || value.isBlank() ? WorkbenchDirs.data().resolve("logs") : Path.of(value);
    }
}
