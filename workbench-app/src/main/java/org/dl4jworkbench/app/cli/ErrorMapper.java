package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.dl4jworkbench.app.logging.Logs;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.catalog.DownloadException;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.pretrained.NotInstalledException;
import org.dl4jworkbench.core.run.RunLockedException;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The one place where a fault that leaves a command becomes what the user reads: a line that
 * names the file or field and a way out, the exit code (README: 0 done, 1 the work failed,
 * 2 bad input), and where the log holds the full trace. Users never see a stack trace.
 */
final class ErrorMapper {

    /** Exit code where the work itself failed (training, a download, the backend, a bug). */
    static final int FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** What a fault means to the user. */
    record Fault(String message, int exitCode) {
    }

    private ErrorMapper() {
    }

    /** Prints the fault's message and where its details are, logs its trace, and returns the exit code. */
    static int report(Throwable e, PrintWriter err) {
        Logs.start(); // Main has started it; a command line made elsewhere (tests) logs to the same file
        Fault fault = map(e);
        if (e instanceof UserError) {
            LOG.info("command refused: {}", fault.message()); // the user's mistake, said in full: no trace
        } else {
            LOG.warn("command failed (exit code {}): {}", fault.exitCode(), fault.message(), e);
        }
        err.println("error: " + fault.message());
        if (!(e instanceof UserError)) {
            err.println("(details in " + Logs.where() + ")");
        }
        err.flush();
        return fault.exitCode();
    }

    /** The outermost fault of a kind known here, else the fault itself as a bug. */
    static Fault map(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            Fault known = known(t);
            if (known != null) {
                return known;
            }
        }
        if (fromDl4j(e)) {
            return new Fault("Deeplearning4j failed: " + describe(e) + ". The network may not fit this data or "
                    + "this backend; check it with ./workbench summary, or try a smaller --batch", FAILED);
        }
        return new Fault("unexpected fault (" + e.getClass().getSimpleName() + ": " + describe(e) + "). This is a "
                + "fault of the workbench; please report it with the log", FAILED);
    }

    private static Fault known(Throwable t) {
        if (t instanceof UserError || t instanceof InvalidModelException || t instanceof SpecFormatException
                || t instanceof InvalidDataException || t instanceof ImageDecodeException
                || t instanceof InvalidNetworkException || t instanceof RunLockedException
                || t instanceof KerasImportException || t instanceof NotInstalledException) {
            return new Fault(t.getMessage(), WorkbenchCommand.BAD_INPUT);
        }
        if (t instanceof BackendUnavailableException || t instanceof DownloadException) {
            return new Fault(t.getMessage(), FAILED);
        }
        if (t instanceof OutOfMemoryError) {
            return new Fault("out of memory (" + t.getMessage() + "; Java's heap may grow to "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB). Try a smaller --batch or a smaller "
                    + "network, or give Java more memory: JAVA_OPTS=-Xmx8g ./workbench ...", FAILED);
        }
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return file(f);
        }
        if (t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException) {
            return null; // the cause says more
        }
        if (t instanceof IOException) {
            return new Fault("cannot read or write a file: " + describe(t) + ". Check the paths given and the free "
                    + "disk space", FAILED);
        }
        return null;
    }

    private static Fault file(FileSystemException f) {
        String path = f.getFile();
        if (f instanceof NoSuchFileException) {
            return new Fault(path + ": no such file or folder" + reason(f) + ". Check the path",
                    WorkbenchCommand.BAD_INPUT);
        }
        if (f instanceof AccessDeniedException) {
            return new Fault(path + ": permission denied. Choose a file or folder you may read and write, or "
                    + "change its permissions", WorkbenchCommand.BAD_INPUT);
        }
        if (f instanceof NotDirectoryException) {
            return new Fault(path + ": a file where a folder was expected. Give a folder", WorkbenchCommand.BAD_INPUT);
        }
        if (f instanceof FileAlreadyExistsException) {
            return new Fault(path + ": already exists, and is not a folder the workbench can use. Choose another "
                    + "path", WorkbenchCommand.BAD_INPUT);
        }
        return new Fault(path + ": " + (f.getReason() != null ? f.getReason() : describe(f))
                + ". Check the path and the free disk space", FAILED);
    }

    private static String reason(FileSystemException f) {
        return f.getReason() == null ? "" : " (" + f.getReason() + ")";
    }

    /** Thrown inside ND4J, DL4J or JavaCPP, whose runtime exceptions carry a message only they explain. */
    private static boolean fromDl4j(Throwable e) {
        String name = e.getClass().getName();
        if (name.startsWith("org.nd4j.") || name.startsWith("org.deeplearning4j.") || name.startsWith("org.bytedeco.")) {
            return true;
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length == 0) {
            return false;
        }
        String where = trace[0].getClassName();
        return where.startsWith("org.nd4j.") || where.startsWith("org.deeplearning4j.")
                || where.startsWith("org.bytedeco.");
    }

    /** The first line of the message (a native library's can run to pages), else the kind of fault. */
    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        String first = message.lines().findFirst().orElse("");
        return first.isEmpty() ? t.getClass().getSimpleName() : first;
    }
}
