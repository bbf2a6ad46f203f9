package org.dl4jworkbench.app.ui.task;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why background work failed: the {@link Throwable} (for the log) and a message for the user,
 * never a stack trace. Errors get a message of their own: an {@link OutOfMemoryError} says
 * what to lower or raise, any other Error says it is the workbench's fault and is in the log.
 */
public record Failure(Throwable error, String message) {

    static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** The failure of {@code t}, logged once here: Errors as errors, ordinary faults at debug level. */
    public static Failure of(Throwable t) {
        Throwable cause = unwrap(t);
        Failure f = new Failure(cause, describe(cause));
        if (cause instanceof Error) {
            LOG.error("background work failed: {}", f.message(), cause);
        } else {
            LOG.debug("background work failed: {}", f.message(), cause);
        }
        return f;
    }

    /** The failure of work that was cancelled meanwhile (nobody waits for it): logged at debug level. */
    static Failure quietly(Throwable t) {
        Throwable cause = unwrap(t);
        LOG.debug("cancelled background work failed", cause);
        return new Failure(cause, describe(cause));
    }

    /** A message for the user: what went wrong and a way out. */
    public static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "Out of memory" + detail(t) + ". Lower the batch size or the image size, or give the workbench "
                    + "more memory (JAVA_OPTS=-Xmx8g, or ND4J's -Dorg.bytedeco.javacpp.maxbytes for native memory),"
                    + " then try again.";
        }
        if (t instanceof StackOverflowError) {
            return "The work ran out of stack (StackOverflowError): this is a fault in the workbench; the log has "
                    + "the details. Try a smaller network, and please report it.";
        }
        if (t instanceof Error) {
            return "Internal error (" + t.getClass().getSimpleName() + detail(t)
                    + "): this is a fault in the workbench, not in your data; the log has the details. Please report "
                    + "it.";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = t.getCause();
            return cause != null && cause != t ? describe(cause) : t.getClass().getSimpleName();
        }
        return message;
    }

    private static String detail(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        // UncheckedIOException's own message is its cause's toString(): "java.io.IOException: ..."
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof UndeclaredThrowableException || current instanceof InvocationTargetException
                || current instanceof UncheckedIOException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
