package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.DownloadProgress;

/**
 * A download's progress on standard error: a bar redrawn in place on a terminal (at most 4
 * times a second), a line every 5 seconds in a log. Steps (mirrors, verifying, unpacking)
 * get lines of their own.
 */
final class DownloadProgressBar implements DownloadProgress {

    private static final long TERMINAL_INTERVAL_NANOS = 250_000_000L;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private String file;
    private long fileStartNanos;
    private long fileStartBytes;
    private long lastPrint;
    private int drawnWidth;

    DownloadProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(String name, long done, long total) {
        long now = System.nanoTime();
        if (!name.equals(file) || done < fileStartBytes) { // a new file, or starting over
            file = name;
            fileStartNanos = now;
            fileStartBytes = done;
            lastPrint = 0;
        }
        boolean complete = total >= 0 && done >= total;
        if (!complete && now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        String line = line(name, done, total, now);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
            if (complete) {
                endLine();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    private String line(String name, long done, long total, long now) {
        double seconds = (now - fileStartNanos) / 1e9;
        String speed = seconds > 0.5 ? "  " + ByteSize.format((long) ((done - fileStartBytes) / seconds)) + "/s" : "";
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s  %s%s", name, ByteSize.format(done), speed);
        }
        double share = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(share * BAR_WIDTH);
        return String.format(Locale.ROOT, "%s  [%s%s] %3.0f%%  %s of %s%s", name, "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled), share * 100, ByteSize.format(done), ByteSize.format(total), speed);
    }

    @Override
    public synchronized void step(String message) {
        endLine();
        err.println(message);
        err.flush();
    }

    /** Ends a bar left drawn on a terminal, so that what follows starts on a line of its own. */
    synchronized void finish() {
        endLine();
        err.flush();
    }

    private void endLine() {
        if (terminal && drawnWidth > 0) {
            err.println();
            drawnWidth = 0;
        }
    }
}
