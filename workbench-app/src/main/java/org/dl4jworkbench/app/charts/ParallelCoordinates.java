package org.dl4jworkbench.app.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;

/**
 * A sweep's trials as a parallel-coordinates plot: one vertical axis per varied setting and a
 * last one for validation accuracy, one line per trial through its values, coloured from
 * light (worst) to dark (best) so the settings of good trials stand out; the best trial is
 * drawn thick in the accent colour, failed trials are dashed and end before the accuracy
 * axis. Numeric axes spanning a decade or more are drawn on a log scale; choices (an
 * optimizer) are spaced evenly.
 */
public final class ParallelCoordinates {

    /** One trial: its settings, its validation accuracy (null: none yet, or failed). */
    public record Trial(Map<String, Object> settings, Double accuracy, boolean best) {
    }

    private static final double LEFT = 60;
    private static final double RIGHT = 70;
    private static final double TOP = 34;
    private static final double BOTTOM = 40;

    private ParallelCoordinates() {
    }

    /** Draws {@code trials} over {@code axes} (the varied settings' names) on a JavaFX canvas. */
    public static void draw(GraphicsContext g, double width, double height, List<String> axes, List<Trial> trials,
                            boolean dark) {
        paint(new FxCanvas(g, dark ? Palette.DARK : Palette.LIGHT), width, height, axes, trials);
    }

    static void paint(Canvas c, double width, double height, List<String> axes, List<Trial> trials) {
        Palette.Scheme s = c.scheme();
        c.fillRect(0, 0, width, height, s.background());
        if (axes.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(axes);
        names.add("validation accuracy");
        double plotHeight = Math.max(20, height - TOP - BOTTOM);
        double step = names.size() == 1 ? 0 : Math.max(10, width - LEFT - RIGHT) / (names.size() - 1);
        List<Scale> scales = new ArrayList<>();
        for (String axis : axes) {
            scales.add(Scale.of(trials.stream().map(t -> t.settings().get(axis)).toList()));
        }
        scales.add(Scale.of(trials.stream().map(t -> (Object) t.accuracy()).toList()));

        for (int i = 0; i < names.size(); i++) {
            c.line(LEFT + i * step, TOP, LEFT + i * step, TOP + plotHeight, s.axis(), 1, false);
        }
        double low = trials.stream().filter(t -> t.accuracy() != null).mapToDouble(Trial::accuracy).min().orElse(0);
        double high = trials.stream().filter(t -> t.accuracy() != null).mapToDouble(Trial::accuracy).max().orElse(1);
        Trial best = null;
        for (Trial t : trials) {
            if (t.best()) {
                best = t;
                continue;
            }
            Color color = t.accuracy() == null ? s.mutedText()
                    : shade(high > low ? (t.accuracy() - low) / (high - low) : 1, s.dark());
            line(c, t, axes, scales, step, plotHeight, color, 1.5f, t.accuracy() == null);
        }
        if (best != null) {
            line(c, best, axes, scales, step, plotHeight, s.ink(Palette.VERMILLION), 3, false);
        }
        for (int i = 0; i < names.size(); i++) { // labels last: no line covers them
            double x = LEFT + i * step;
            c.text(names.get(i), x, TOP - 14, 12, true, s.text(), Canvas.Anchor.MIDDLE, false);
            Scale scale = scales.get(i);
            for (Object tick : scale.ticks()) {
                double y = TOP + plotHeight * (1 - scale.position(tick));
                c.line(x - 3, y, x + 3, y, s.axis(), 1, false);
                c.text(label(tick, i == names.size() - 1), x - 6, y + 4, 10, false, s.mutedText(),
                        Canvas.Anchor.END, false);
            }
        }
    }

    private static void line(Canvas c, Trial t, List<String> axes, List<Scale> scales, double step, double plotHeight,
                             Color color, float width, boolean dashed) {
        int n = t.accuracy() == null ? axes.size() : axes.size() + 1;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            Object value = i < axes.size() ? t.settings().get(axes.get(i)) : t.accuracy();
            xs[i] = LEFT + i * step;
            ys[i] = TOP + plotHeight * (1 - scales.get(i).position(value));
        }
        c.polyline(xs, ys, n, color, width, 0.9f, dashed, null);
        c.markers(xs, ys, n, width + 1.5, color, null);
    }

    /** Blue from light (0) to dark (1), or the reverse on a dark background. */
    private static Color shade(double t, boolean dark) {
        Color far = dark ? new Color(0x2B3A55) : new Color(0xC6DBEF);
        Color near = dark ? new Color(0x9ECAE1) : new Color(0x08306B);
        return new Color((int) (far.getRed() + t * (near.getRed() - far.getRed())),
                (int) (far.getGreen() + t * (near.getGreen() - far.getGreen())),
                (int) (far.getBlue() + t * (near.getBlue() - far.getBlue())));
    }

    private static String label(Object value, boolean percent) {
        if (value instanceof Number n && percent) {
            return String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100);
        }
        if (value instanceof Double d) {
            return d != 0 && (Math.abs(d) < 0.01 || Math.abs(d) >= 10000) ? String.format(Locale.ROOT, "%.0e", d)
                    : new java.math.BigDecimal(String.valueOf(d)).round(new java.math.MathContext(3))
                    .stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** Where values lie on an axis, 0 (bottom) to 1 (top). */
    private record Scale(List<Object> choices, double low, double high, boolean log, List<Object> values) {

        static Scale of(List<Object> values) {
            List<Double> numbers = new ArrayList<>();
            var choices = new LinkedHashSet<Object>();
            for (Object v : values) {
                if (v instanceof Number n) {
                    numbers.add(n.doubleValue());
                } else if (v != null) {
                    choices.add(v);
                }
            }
            if (!choices.isEmpty() || numbers.isEmpty()) {
                return new Scale(List.copyOf(choices), 0, 1, false, List.of());
            }
            double low = numbers.stream().mapToDouble(d -> d).min().orElseThrow();
            double high = numbers.stream().mapToDouble(d -> d).max().orElseThrow();
            List<Object> distinct = numbers.stream().distinct().sorted().map(d -> (Object) d).toList();
            return new Scale(null, low, high, low > 0 && high / low >= 10, distinct);
        }

        double position(Object value) {
            if (choices != null) {
                int i = choices.indexOf(value);
                return choices.size() <= 1 ? 0.5 : Math.max(0, i) / (double) (choices.size() - 1);
            }
            if (!(value instanceof Number n)) {
                return 0;
            }
            double v = n.doubleValue();
            if (high <= low) {
                return 0.5;
            }
            return log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
        }

        List<Object> ticks() {
            if (choices != null) {
                return choices;
            }
            if (values.size() <= 5) { // a list of values (batch sizes): tick each
                return values;
            }
            List<Object> ticks = new ArrayList<>();
            for (int i = 0; i <= 4; i++) {
                double p = i / 4.0;
                ticks.add(log ? Math.exp(Math.log(low) + p * (Math.log(high) - Math.log(low))) : low + p * (high - low));
            }
            return ticks;
        }
    }
}
