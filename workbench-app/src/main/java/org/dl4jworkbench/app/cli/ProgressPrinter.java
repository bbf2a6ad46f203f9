package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingListener;

/**
 * The live progress line of {@code train}: redrawn in place on a terminal (at most 4 times a
 * second), a new line every 10 seconds in a log, a line per epoch, and pauses. The work before
 * the first minibatch (a pretrained network computing every image's features, minutes on a CPU)
 * and after the last (the test images' features) reports the same way.
 */
final class ProgressPrinter implements TrainingListener {

    private static final long TERMINAL_INTERVAL_NANOS = 250_000_000L;
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastPrint;
    private int lastWidth;
    private String preparing;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onIteration(IterationEvent e) {
        long now = System.nanoTime();
        boolean last = e.batch() == e.batches();
        if (!last && now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        print(String.format(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4f  lr %.2g  %.0f img/s  ETA %s",
                e.epoch(), e.epochs(), e.batch(), e.batches(), e.loss(), e.learningRate(), e.imagesPerSecond(),
                format(e.eta())));
    }

    /**
     * "computing MobileNet v1 0.75 (ImageNet) features: 412 of 1,000 images", as often as the
     * minibatch line; a phase's first and last report always print, and the last ends the line.
     */
    @Override
    public void onPreparing(String phase, int done, int total) {
        long now = System.nanoTime();
        boolean first = !phase.equals(preparing);
        boolean last = done >= total;
        if (!first && !last && now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        if (first && terminal && lastWidth > 0) {
            err.println(); // the line of what came before stays
            lastWidth = 0;
        }
        preparing = phase;
        lastPrint = now;
        print(String.format(Locale.ROOT, "%s: %,d of %,d images", phase, done, total));
        if (last && terminal) {
            err.println();
            lastWidth = 0;
            err.flush();
        }
    }

    /** Redraws the line in place on a terminal; a line of its own in a log. */
    private void print(String line) {
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void onEpoch(EpochEvent e) {
        if (terminal) {
            err.println();
            lastWidth = 0;
        }
        err.printf(Locale.ROOT, "epoch %d/%d done in %s: loss %.4f, accuracy %.2f%%%s, %.0f img/s%n", e.epoch(),
                e.epochs(), format(e.duration()), e.trainLoss(), e.trainAccuracy() * 100,
                Double.isNaN(e.validationAccuracy()) ? "" : String.format(Locale.ROOT,
                        "; validation loss %.4f, accuracy %.2f%%", e.validationLoss(), e.validationAccuracy() * 100),
                e.imagesPerSecond());
    }

    @Override
    public void onStateChange(State state) {
        if (terminal && lastWidth > 0) {
            err.println();
            lastWidth = 0;
        }
        err.println(state == State.PAUSED ? "paused" : "resumed");
        err.flush();
    }

    void finish() {
        if (terminal && lastWidth > 0) {
            err.println();
        }
        err.flush();
    }

    static String format(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
