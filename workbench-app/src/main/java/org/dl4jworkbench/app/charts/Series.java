package org.dl4jworkbench.app.charts;

import java.awt.Color;
import java.util.Objects;

/**
 * One line or set of points in a {@link Panel}: x and y in data units (non-finite pairs are
 * skipped when drawn), a colour, how it is drawn, and a legend label ({@code null}: not in the
 * legend).
 */
public record Series(String label, double[] x, double[] y, Color color, Style style, boolean dashed) {

    /** How a series is drawn. */
    public enum Style {
        /** A thin, pale line under the others: raw per-batch values. */
        FAINT_LINE,
        LINE,
        POINTS,
        LINE_WITH_POINTS,
        /** A vertical line across the plot: an event ({@link Markers}); legends only. */
        MARKER
    }

    public Series {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "' has " + x.length + " x values but "
                    + y.length + " y values");
        }
    }

    public Series(String label, double[] x, double[] y, Color color, Style style) {
        this(label, x, y, color, style, false);
    }

    /** Whether any (x, y) pair can be drawn. */
    public boolean hasData() {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                return true;
            }
        }
        return false;
    }

    public LegendEntry legendEntry() {
        return new LegendEntry(label, color, style, dashed);
    }
}
