package org.dl4jworkbench.app.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * The events worth a vertical line on a run's curves, derived from what the run logged: where
 * the learning rate changed notably (the end of a warm-up, each step of a step schedule, and a
 * smooth decay each time it has halved, three times at most, so a cosine schedule does not
 * flood the chart), the best epoch, and where the run ended early and why. Pure code: the live
 * chart and the exported PNG/SVG draw the same markers.
 */
public final class Markers {

    /** A change between two consecutive iterations this large (relative) is a step... */
    static final double STEP_CHANGE = 0.1;
    /**
     * ... where the rate changes this many times at most after the warm-up; more changes are a
     * decay laid out as a fine staircase (cosine), marked at halvings instead.
     */
    static final int MAX_STEPS = 10;
    /** Smooth decays are marked at each halving, at most this many times. */
    static final int MAX_SMOOTH_MARKERS = 3;

    /** What a marker means; each kind has its colour and one legend entry. */
    public enum Kind {
        LEARNING_RATE("learning-rate change", Palette.PURPLE, true),
        BEST_EPOCH("best epoch", Palette.GREEN, false),
        END("end", Palette.BLACK, false);

        private final String legend;
        private final Color color;
        private final boolean dashed;

        Kind(String legend, Color color, boolean dashed) {
            this.legend = legend;
            this.color = color;
            this.dashed = dashed;
        }

        public Color color() {
            return color;
        }

        public boolean dashed() {
            return dashed;
        }

        public LegendEntry legendEntry(String label) {
            return new LegendEntry(label == null ? legend : label, color, Series.Style.MARKER, dashed);
        }
    }

    /** A vertical line at {@code x} (in the panel's x units) with a short label drawn beside it. */
    public record Marker(Kind kind, double x, String label) {
    }

    /**
     * How a run ended, for the end and best-epoch markers: {@code status} is one of
     * {@link RunSummary}'s ("running" while it trains), {@code bestEpoch} the epoch early
     * stopping kept (null: the best validation accuracy's epoch is marked).
     */
    public record Outcome(String status, String message, Integer bestEpoch) {

        public static final Outcome RUNNING = new Outcome(RunSummary.RUNNING, "", null);

        public static Outcome of(RunSummary summary) {
            return summary == null ? RUNNING : new Outcome(summary.status(), summary.message(), summary.bestEpoch());
        }

        public static Outcome of(TrainingResult result) {
            if (result == null) {
                return RUNNING;
            }
            String status = switch (result.reason()) {
                case COMPLETED -> RunSummary.COMPLETED;
                case STOPPED -> RunSummary.STOPPED;
                case EARLY_STOPPED -> RunSummary.EARLY_STOPPED;
                case DIVERGED -> RunSummary.DIVERGED;
            };
            return new Outcome(status, result.message(), result.bestEpoch());
        }

        /** Whether the run ended before its planned epochs (a marker says where and why). */
        boolean endedEarly() {
            return RunSummary.STOPPED.equals(status) || RunSummary.EARLY_STOPPED.equals(status)
                    || RunSummary.DIVERGED.equals(status) || RunSummary.FAILED.equals(status);
        }
    }

    private Markers() {
    }

    /** The markers of the loss panel, whose x is the iteration. */
    public static List<Marker> forIterations(List<IterationRecord> iterations, List<EpochEvent> epochs,
                                             Outcome outcome) {
        List<Marker> markers = new ArrayList<>(learningRateChanges(iterations));
        Integer best = bestEpoch(epochs, outcome);
        if (best != null) {
            long last = -1;
            for (IterationRecord r : iterations) {
                if (r.epoch() == best) {
                    last = Math.max(last, r.iteration());
                }
            }
            if (last >= 0) {
                markers.add(new Marker(Kind.BEST_EPOCH, last + 0.5, "best: epoch " + best));
            }
        }
        Marker end = end(outcome, iterations.isEmpty() ? Double.NaN
                : iterations.get(iterations.size() - 1).iteration() + 0.5);
        if (end != null) {
            markers.add(end);
        }
        return markers;
    }

    /** The markers of the accuracy panel, whose x is the epoch. */
    public static List<Marker> forEpochs(List<EpochEvent> epochs, Outcome outcome) {
        List<Marker> markers = new ArrayList<>();
        Integer best = bestEpoch(epochs, outcome);
        if (best != null) {
            markers.add(new Marker(Kind.BEST_EPOCH, best, "best: epoch " + best));
        }
        Marker end = end(outcome, epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).epoch());
        if (end != null) {
            markers.add(end);
        }
        return markers;
    }

    /**
     * The epoch to mark as best: the one early stopping kept, else the best validation accuracy's
     * once two or more epochs were measured (with one, "best" says nothing). Null: none.
     */
    public static Integer bestEpoch(List<EpochEvent> epochs, Outcome outcome) {
        if (outcome != null && outcome.bestEpoch() != null) {
            return outcome.bestEpoch();
        }
        EpochEvent best = null;
        int measured = 0;
        for (EpochEvent e : epochs) {
            if (Double.isFinite(e.validationAccuracy())) {
                measured++;
                if (best == null || e.validationAccuracy() > best.validationAccuracy()) {
                    best = e;
                }
            }
        }
        return measured >= 2 ? Integer.valueOf(best.epoch()) : null;
    }

    /** Where a run that ended early ended, labelled with why; null for a run that completed or goes on. */
    static Marker end(Outcome outcome, double x) {
        if (outcome == null || !outcome.endedEarly() || !Double.isFinite(x)) {
            return null;
        }
        String why = switch (outcome.status()) {
            case RunSummary.EARLY_STOPPED -> "early stopped";
            case RunSummary.STOPPED -> "stopped";
            case RunSummary.DIVERGED -> "diverged";
            default -> "failed";
        };
        return new Marker(Kind.END, x, why);
    }

    /** The legend's label for the end marker of {@code outcome}, with the reason where it is known. */
    static String endLegend(Outcome outcome) {
        Marker m = end(outcome, 0);
        if (m == null) {
            return null;
        }
        String message = outcome.message() == null ? "" : outcome.message().trim();
        return message.isEmpty() ? m.label() : m.label() + ": " + message;
    }

    /**
     * Notable learning-rate changes in logged iterations (x: the first iteration trained with the
     * new rate): the end of a rising warm-up, each step of a schedule with a few steps, and a
     * decay of many small changes each time it has halved since the last marker,
     * {@link #MAX_SMOOTH_MARKERS} at most.
     */
    public static List<Marker> learningRateChanges(List<IterationRecord> iterations) {
        List<IterationRecord> its = iterations.stream().filter(r -> Double.isFinite(r.learningRate())).toList();
        List<Marker> markers = new ArrayList<>();
        int n = its.size();
        if (n < 2) {
            return markers;
        }
        // A warm-up: from the start the rate never falls and rises at least twice (the compiled
        // warm-up rises in steps that may each last a few iterations); it ends at its last rise.
        int rises = 0;
        int lastRise = 0;
        for (int k = 1; k < n && its.get(k).learningRate() >= its.get(k - 1).learningRate() * (1 - 1e-6); k++) {
            if (its.get(k).learningRate() > its.get(k - 1).learningRate() * (1 + 1e-6)) {
                rises++;
                lastRise = k;
            }
        }
        int i = 1;
        if (rises >= 2) {
            markers.add(new Marker(Kind.LEARNING_RATE, its.get(lastRise).iteration(),
                    "warm-up done, lr " + rate(its.get(lastRise).learningRate())));
            i = lastRise + 1;
        }
        int changes = 0;
        for (int j = i; j < n; j++) {
            if (its.get(j).learningRate() != its.get(j - 1).learningRate()) {
                changes++;
            }
        }
        double level = its.get(i - 1).learningRate();
        int smooth = 0;
        for (int j = i; j < n; j++) {
            double before = its.get(j - 1).learningRate();
            double now = its.get(j).learningRate();
            double relative = Math.abs(now - before) / Math.max(Math.abs(before), 1e-30);
            if (changes <= MAX_STEPS) {
                if (relative >= STEP_CHANGE) {
                    markers.add(new Marker(Kind.LEARNING_RATE, its.get(j).iteration(), "lr " + rate(now)));
                }
            } else if (smooth < MAX_SMOOTH_MARKERS && level > 0 && now <= level / 2) {
                markers.add(new Marker(Kind.LEARNING_RATE, its.get(j).iteration(), "lr " + rate(now)));
                level = now;
                smooth++;
            }
        }
        return markers;
    }

    static String rate(double lr) {
        return String.format(Locale.ROOT, "%.2g", lr).replace("e-0", "e-");
    }
}
