package org.dl4jworkbench.app.charts;

import java.util.Locale;

/**
 * A linear axis over [min, max] with "nice" ticks (steps of 1, 2 or 5 times a power of ten),
 * so labels read 0.5, 1.0, 1.5 rather than 0.47, 0.94.
 */
record Axis(double min, double max, double step, boolean percent) {

    /**
     * An axis covering [lo, hi] with about {@code targetTicks} ticks; its ends are rounded out
     * to whole steps. {@code integer}: steps of at least 1 (epochs).
     */
    static Axis covering(double lo, double hi, int targetTicks, boolean integer, boolean percent) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12) {
            // One value (one epoch, a flat line): open a range around it.
            double pad = integer ? 1 : Math.max(Math.abs(lo) * 0.1, 1e-3);
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, targetTicks - 1));
        if (integer) {
            step = Math.max(1, Math.round(step));
        }
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        return new Axis(min, max, step, percent);
    }

    /** 1, 2 or 5 times a power of ten, the nearest above {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** The same ticks with room beyond them, {@code before} and {@code after} in axis units. */
    Axis widened(double before, double after) {
        return new Axis(min - before, max + after, step, percent);
    }

    /** The whole multiples of the step within the axis. */
    double[] ticks() {
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        double[] ticks = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    /** Where {@code value} lies on the axis, 0 at min and 1 at max. */
    double fraction(double value) {
        return (value - min) / (max - min);
    }

    String label(double value) {
        double shown = percent ? value * 100 : value;
        double shownStep = percent ? step * 100 : step;
        if (Math.abs(shown) < shownStep * 1e-6) {
            shown = 0; // no "-0.0" from rounding
        }
        String suffix = percent ? "%" : "";
        if (!percent && shownStep >= 1000 && Math.abs(shown) >= 10_000) {
            return thousands(shown / 1000, shownStep / 1000) + "k";
        }
        return thousands(shown, shownStep) + suffix;
    }

    private static String thousands(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
