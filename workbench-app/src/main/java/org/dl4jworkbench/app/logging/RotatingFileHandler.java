package org.dl4jworkbench.app.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends records to one file and, once it passes a size, renames it to {@code NAME.1.log}
 * (shifting older ones up to {@code kept}) and starts afresh. Unlike JUL's {@code FileHandler}
 * the file keeps its name when a second workbench is running (the window and a command line
 * both append to it), so a message can tell the user where to look.
 */
final class RotatingFileHandler extends Handler {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Path file;
    private final long limit;
    private final int kept;
    private OutputStream out;
    private long size;

    RotatingFileHandler(Path file, long limit, int kept) throws IOException {
        this.file = file;
        this.limit = limit;
        this.kept = kept;
        setFormatter(new LineFormatter());
        Files.createDirectories(file.toAbsolutePath().getParent());
        open();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (size > 0 && size + bytes.length > limit) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            reportError("cannot write " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot flush " + file, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError("cannot close " + file, e, ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        for (int i = kept; i >= 1; i--) {
            Path from = i == 1 ? file : numbered(i - 1);
            if (Files.exists(from)) {
                Files.move(from, numbered(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    /** {@code workbench.log} -> {@code workbench.1.log}. */
    Path numbered(int i) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "." + i + name.substring(dot) : name + "." + i;
        return file.resolveSibling(numbered);
    }

    /** {@code 2026-01-31 12:00:00.000 WARNING logger: message}, then the trace where there is one. */
    static final class LineFormatter extends Formatter {

        @Override
        public String format(LogRecord r) {
            var text = new StringWriter();
            var w = new PrintWriter(text);
            w.printf("%s %s %s: %s%n", TIME.format(r.getInstant()), r.getLevel().getName(), r.getLoggerName(),
                    formatMessage(r));
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(w);
            }
            w.flush();
            return text.toString();
        }
    }
}
