package org.dl4jworkbench.app.charts;

import java.util.Arrays;
import java.util.List;
import org.dl4jworkbench.app.charts.Canvas.Anchor;

/**
 * Lays a {@link Chart} out and draws it on a {@link Canvas}: title, subtitle and shared legend
 * on top, then the panels side by side, each with its title, legend, grid, epoch lines,
 * series (clipped to the plot) and axes.
 */
final class ChartPainter {

    private static final double PAD = 18;
    private static final double PANEL_GAP = 34;
    private static final double TITLE_SIZE = 18;
    private static final double SUBTITLE_SIZE = 12.5;
    private static final double PANEL_TITLE_SIZE = 14;
    private static final double LABEL_SIZE = 12;
    private static final double TICK_SIZE = 11;
    private static final double LEGEND_SIZE = 12;
    private static final double LEGEND_ROW = 18;
    private static final double LEGEND_SAMPLE = 24;
    private static final double MARKER_SIZE = 10.5;
    private static final double MIN_PERCENT_SPAN = 0.1;
    /** The share of a long loss series' first points left out of the y range. */
    static final double SETTLING = 0.05;
    /** Series shorter than this are ranged whole. */
    private static final int SETTLING_MIN_POINTS = 40;
    /** Closer epoch lines than this are thinned to every 2nd, 5th, 10th, ... */
    private static final double MIN_LINE_SPACING = 14;

    private final Canvas canvas;
    private final Palette.Scheme scheme;

    private ChartPainter(Canvas canvas) {
        this.canvas = canvas;
        this.scheme = canvas.scheme();
    }

    static void paint(Chart chart, Canvas canvas) {
        new ChartPainter(canvas).paint(chart);
    }

    private void paint(Chart chart) {
        canvas.fillRect(0, 0, chart.width(), chart.height(), scheme.background());
        double y = PAD + TITLE_SIZE;
        canvas.text(chart.title(), PAD, y, TITLE_SIZE, true, scheme.text(), Anchor.START, false);
        if (!chart.subtitle().isEmpty()) {
            y += SUBTITLE_SIZE + 8;
            canvas.text(chart.subtitle(), PAD, y, SUBTITLE_SIZE, false, scheme.mutedText(), Anchor.START, false);
        }
        y += 10;
        if (!chart.legend().isEmpty()) {
            y = legend(chart.legend(), PAD, y, chart.width() - 2 * PAD) + 4;
        }
        int n = chart.panels().size();
        double panelWidth = (chart.width() - 2 * PAD - PANEL_GAP * (n - 1)) / n;
        for (int i = 0; i < n; i++) {
            panel(chart.panels().get(i), PAD + i * (panelWidth + PANEL_GAP), y + 6, panelWidth,
                    chart.height() - PAD + 4 - (y + 6));
        }
    }

    private void panel(Panel panel, double x0, double y0, double width, double height) {
        double y = y0 + PANEL_TITLE_SIZE;
        canvas.text(panel.title(), x0, y, PANEL_TITLE_SIZE, true, scheme.text(), Anchor.START, false);
        y += 6;
        if (panel.showLegend() && !panel.legend().isEmpty()) {
            y = legend(panel.legend(), x0, y, width);
        }
        Axis yAxis = yAxis(panel);
        Axis xAxis = xAxis(panel);
        double tickWidth = Arrays.stream(yAxis.ticks())
                .map(t -> canvas.textWidth(yAxis.label(t), TICK_SIZE, false)).max().orElse(0);
        var plot = new Plot(x0 + LABEL_SIZE + 10 + tickWidth + 8, y + 10, x0 + width - 6,
                y0 + height - (TICK_SIZE + LABEL_SIZE + 20), xAxis, yAxis);

        canvas.fillRect(plot.left, plot.top, plot.width(), plot.height(), scheme.plotBackground());
        grid(plot);
        canvas.clip(plot.left, plot.top, plot.width(), plot.height());
        List<Double> lines = panel.verticalLines();
        int every = thinning(lines.size(), plot.width());
        for (int i = every - 1; i < lines.size(); i += every) {
            double px = plot.px(lines.get(i));
            canvas.line(px, plot.top, px, plot.bottom, scheme.epochLine(), 1, true);
        }
        for (Series s : panel.series()) {
            series(s, plot);
        }
        double[] labelRows = markers(panel.markers(), plot);
        if (!panel.percent()) {
            offScale(panel, plot, labelRows);
        }
        canvas.unclip();
        axes(plot, panel);
        if (!panel.hasData()) {
            canvas.text(panel.emptyMessage(), (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2,
                    LABEL_SIZE, false, scheme.mutedText(), Anchor.MIDDLE, false);
        }
    }

    /**
     * Each marker as a vertical line in its kind's colour with its label at the top, beside the
     * line (to its left where it would run out of the plot); a label that would overlap the
     * previous one is left out, the line stays.
     */
    private double[] markers(List<Markers.Marker> markers, Plot plot) {
        double[] rowEnds = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Markers.Marker m : markers.stream().sorted(java.util.Comparator.comparingDouble(Markers.Marker::x))
                .toList()) {
            double px = plot.px(m.x());
            if (px < plot.left - 0.5 || px > plot.right + 0.5) {
                continue;
            }
            canvas.line(px, plot.top, px, plot.bottom, scheme.ink(m.kind().color()), 1.6, m.kind().dashed());
            double w = canvas.textWidth(m.label(), MARKER_SIZE, false);
            boolean left = px + 4 + w > plot.right;
            double start = left ? px - 4 - w : px + 4;
            for (int row = 0; row < rowEnds.length; row++) {
                if (start >= rowEnds[row] + 6) {
                    rowEnds[row] = start + w;
                    canvas.text(m.label(), left ? px - 4 : px + 4, plot.top + MARKER_SIZE + 3
                            + row * (MARKER_SIZE + 4), MARKER_SIZE, false, scheme.ink(m.kind().color()),
                            left ? Anchor.END : Anchor.START, false);
                    break;
                }
            }
        }
        return rowEnds;
    }

    private void grid(Plot plot) {
        for (double t : plot.yAxis.ticks()) {
            double py = plot.py(t);
            canvas.line(plot.left, py, plot.right, py, scheme.grid(), 1, false);
        }
    }

    private void axes(Plot plot, Panel panel) {
        canvas.line(plot.left, plot.bottom, plot.right, plot.bottom, scheme.axis(), 1, false);
        canvas.line(plot.left, plot.top, plot.left, plot.bottom, scheme.axis(), 1, false);
        for (double t : plot.yAxis.ticks()) {
            double py = plot.py(t);
            canvas.line(plot.left - 4, py, plot.left, py, scheme.axis(), 1, false);
            canvas.text(plot.yAxis.label(t), plot.left - 7, py + TICK_SIZE * 0.35, TICK_SIZE, false,
                    scheme.mutedText(), Anchor.END, false);
        }
        for (double t : plot.xAxis.ticks()) {
            double px = plot.px(t);
            canvas.line(px, plot.bottom, px, plot.bottom + 4, scheme.axis(), 1, false);
            canvas.text(plot.xAxis.label(t), px, plot.bottom + 6 + TICK_SIZE, TICK_SIZE, false, scheme.mutedText(),
                    Anchor.MIDDLE, false);
        }
        canvas.text(panel.xLabel(), (plot.left + plot.right) / 2, plot.bottom + TICK_SIZE + LABEL_SIZE + 14,
                LABEL_SIZE, false, scheme.text(), Anchor.MIDDLE, false);
        double labelX = plot.left - 8 - Arrays.stream(plot.yAxis.ticks())
                .map(t -> canvas.textWidth(plot.yAxis.label(t), TICK_SIZE, false)).max().orElse(0) - 8;
        canvas.text(panel.yLabel(), labelX, (plot.top + plot.bottom) / 2, LABEL_SIZE, false, scheme.text(),
                Anchor.MIDDLE, true);
    }

    private void series(Series s, Plot plot) {
        double[][] points = Downsampler.reduce(s.x(), s.y(), plot.xAxis.min(), plot.xAxis.max(),
                (int) Math.max(1, Math.ceil(plot.width())));
        double[] xs = points[0];
        double[] ys = points[1];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = plot.px(xs[i]);
            ys[i] = plot.py(ys[i]);
        }
        String label = s.label();
        switch (s.style()) {
            case FAINT_LINE -> canvas.polyline(xs, ys, xs.length, scheme.ink(s.color()), 1, faint(), s.dashed(),
                    label == null ? "per batch" : label);
            case LINE -> canvas.polyline(xs, ys, xs.length, scheme.ink(s.color()), 2.2, 1, s.dashed(), label);
            case POINTS -> canvas.markers(xs, ys, xs.length, markerRadius(plot, xs.length), scheme.ink(s.color()),
                    label);
            case LINE_WITH_POINTS -> {
                canvas.polyline(xs, ys, xs.length, scheme.ink(s.color()), 2, 1, s.dashed(), label);
                canvas.markers(xs, ys, xs.length, markerRadius(plot, xs.length), scheme.ink(s.color()), label);
            }
            case MARKER -> { } // drawn from the panel's markers
        }
    }

    /** Per-batch lines show a little more on dark, where faint blue sinks into the background. */
    private float faint() {
        return scheme.dark() ? Palette.FAINT_OPACITY + 0.1f : Palette.FAINT_OPACITY;
    }

    /** Draw every n-th of {@code count} evenly spread lines, n in 1, 2, 5, 10, 20, 50, ... */
    private static int thinning(int count, double width) {
        int every = 1;
        while (count > 0 && width * every / count < MIN_LINE_SPACING) {
            int magnitude = (int) Math.pow(10, Math.floor(Math.log10(every)));
            int digit = every / magnitude;
            every = (digit == 1 ? 2 : digit == 2 ? 5 : 10) * magnitude;
        }
        return every;
    }

    /** Smaller dots when many epochs share the width, so they do not merge into a blob. */
    private static double markerRadius(Plot plot, int count) {
        return Math.max(1.5, Math.min(4, plot.width() / Math.max(1, count) / 3));
    }

    /** Draws entries left to right, wrapping; returns the y below the last row. */
    private double legend(List<LegendEntry> entries, double x0, double y, double width) {
        double x = x0;
        double rowY = y + LEGEND_ROW / 2 + 2;
        for (LegendEntry e : entries) {
            double w = LEGEND_SAMPLE + 6 + canvas.textWidth(e.label(), LEGEND_SIZE, false) + 18;
            if (x > x0 && x + w > x0 + width) {
                x = x0;
                rowY += LEGEND_ROW;
            }
            sample(e, x, rowY);
            canvas.text(e.label(), x + LEGEND_SAMPLE + 6, rowY + LEGEND_SIZE * 0.35, LEGEND_SIZE, false,
                    scheme.text(), Anchor.START, false);
            x += w;
        }
        return rowY + LEGEND_ROW / 2;
    }

    private void sample(LegendEntry e, double x, double y) {
        double[] xs = {x, x + LEGEND_SAMPLE};
        double[] ys = {y, y};
        switch (e.style()) {
            case FAINT_LINE -> canvas.polyline(xs, ys, 2, scheme.ink(e.color()), 1.5, faint() + 0.1f, e.dashed(),
                    null);
            case LINE -> canvas.polyline(xs, ys, 2, scheme.ink(e.color()), 2.2, 1, e.dashed(), null);
            case POINTS -> canvas.markers(new double[] {x + LEGEND_SAMPLE / 2}, ys, 1, 4, scheme.ink(e.color()),
                    null);
            case LINE_WITH_POINTS -> {
                canvas.polyline(xs, ys, 2, scheme.ink(e.color()), 2, 1, e.dashed(), null);
                canvas.markers(new double[] {x + LEGEND_SAMPLE / 2}, ys, 1, 4, scheme.ink(e.color()), null);
            }
            case MARKER -> canvas.line(x + LEGEND_SAMPLE / 2, y - 7, x + LEGEND_SAMPLE / 2, y + 7,
                    scheme.ink(e.color()), 1.6, e.dashed());
        }
    }

    private static Axis xAxis(Panel panel) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : panel.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    lo = Math.min(lo, s.x()[i]);
                    hi = Math.max(hi, s.x()[i]);
                }
            }
        }
        if (lo > hi) {
            lo = panel.integerX() ? 1 : 0;
            hi = panel.integerX() ? 2 : 1;
        }
        if (!panel.integerX()) {
            lo = Math.min(lo, 0); // iterations and epochs count from the start of training
            hi = Math.max(hi, lo + 1); // one iteration, numbered 0: still a range to draw in
            Axis axis = Axis.covering(lo, hi, 7, false, false);
            // The data, not the rounded-out ticks, spans the width; a little room for the last dot.
            return new Axis(lo, hi + (hi - lo) * 0.015, axis.step(), false);
        }
        Axis axis = Axis.covering(lo, hi, 8, true, false);
        // Room for the first and last epochs' dots; a whole step beyond would be wasted space.
        double room = Math.max(0.25, (hi - lo) * 0.03);
        return new Axis(lo - room, hi + room, axis.step(), false);
    }

    /**
     * Covers every series, except that raw per-batch values are left out where a smoother
     * series is drawn over them: a few wild batches must not flatten the curves everyone reads
     * (they are clipped at the top), and the first {@link #SETTLING} of a long series' points
     * are left out of a loss panel's range: the first minibatches' loss, several times what
     * follows, would squash the rest into a line at the bottom; it is clipped with a mark
     * instead ({@link #offScale}). Percentages span at least {@link #MIN_PERCENT_SPAN}, so one
     * epoch's 0.3-point gap between training and validation does not fill the panel.
     */
    static Axis yAxis(Panel panel) {
        boolean rawOnly = panel.series().stream().noneMatch(s -> s.style() != Series.Style.FAINT_LINE && s.hasData());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : panel.series()) {
            if (s.style() == Series.Style.FAINT_LINE && !rawOnly) {
                continue;
            }
            for (int i = settled(panel, s); i < s.y().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    lo = Math.min(lo, s.y()[i]);
                    hi = Math.max(hi, s.y()[i]);
                }
            }
        }
        if (lo > hi) {
            return Axis.covering(0, 1, 6, false, panel.percent());
        }
        if (!panel.percent() && lo >= 0) {
            lo = 0; // losses: distance from zero is part of the story
            hi = hi > 0 ? hi : 1;
        }
        if (panel.percent() && hi - lo < MIN_PERCENT_SPAN) {
            double middle = (hi + lo) / 2;
            hi = Math.min(1, Math.max(middle + MIN_PERCENT_SPAN / 2, MIN_PERCENT_SPAN));
            lo = hi - MIN_PERCENT_SPAN;
        }
        Axis axis = Axis.covering(lo, hi, 6, false, panel.percent());
        if (panel.percent()) {
            axis = new Axis(Math.max(0, axis.min()), Math.min(1, axis.max()), axis.step(), true);
        }
        double room = (axis.max() - axis.min()) * 0.03;
        return axis.widened(lo == 0 ? 0 : room, room);
    }

    /** The first point of {@code s} that counts for the y range of {@code panel}. */
    private static int settled(Panel panel, Series s) {
        return panel.percent() || s.y().length < SETTLING_MIN_POINTS ? 0 : (int) Math.ceil(s.y().length * SETTLING);
    }

    /**
     * Marks where a drawn (not per-batch) series leaves the plot at the top: a caret at the top
     * edge above its highest point and the value, so a clipped spike is seen as one.
     */
    private void offScale(Panel panel, Plot plot, double[] rowEnds) {
        for (Series s : panel.series()) {
            if (s.style() == Series.Style.FAINT_LINE || s.style() == Series.Style.MARKER) {
                continue;
            }
            int top = -1;
            for (int i = 0; i < s.y().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && s.y()[i] > plot.yAxis.max()
                        && (top < 0 || s.y()[i] > s.y()[top])) {
                    top = i;
                }
            }
            if (top < 0) {
                continue;
            }
            var color = scheme.ink(s.color());
            double px = Math.max(plot.left + 5, Math.min(plot.right - 5, plot.px(s.x()[top])));
            canvas.line(px - 5, plot.top + 7, px, plot.top + 1, color, 2, false);
            canvas.line(px, plot.top + 1, px + 5, plot.top + 7, color, 2, false);
            String label = "off scale: max " + String.format(java.util.Locale.ROOT, "%.3g", s.y()[top]);
            // in the first row of marker labels with room for it (the markers' labels come first)
            double start = px + 9;
            double w = canvas.textWidth(label, MARKER_SIZE, false);
            for (int row = 0; row < rowEnds.length; row++) {
                if (start >= rowEnds[row] + 6) {
                    rowEnds[row] = start + w;
                    canvas.text(label, start, plot.top + MARKER_SIZE + 3 + row * (MARKER_SIZE + 4), MARKER_SIZE,
                            false, color, Anchor.START, false);
                    break;
                }
            }
        }
    }

    /** A plot area in pixels and the axes that map data into it. */
    private record Plot(double left, double top, double right, double bottom, Axis xAxis, Axis yAxis) {

        double width() {
            return right - left;
        }

        double height() {
            return bottom - top;
        }

        double px(double x) {
            return left + xAxis.fraction(x) * width();
        }

        double py(double y) {
            return bottom - yAxis.fraction(y) * height();
        }
    }
}
