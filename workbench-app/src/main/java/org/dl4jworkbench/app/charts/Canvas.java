package org.dl4jworkbench.app.charts;

import java.awt.Color;

/**
 * What {@link ChartPainter} draws with, in pixels (y down), so one layout serves both the PNG
 * ({@link Java2dCanvas}) and the SVG ({@link SvgCanvas}). {@code label} names a series in
 * the output where the format can (an SVG title).
 */
interface Canvas {

    /** Where text is anchored horizontally. */
    enum Anchor { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, Color fill);

    void strokeRect(double x, double y, double w, double h, Color stroke, double width);

    void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed);

    /** A connected line through the first {@code n} points. */
    void polyline(double[] xs, double[] ys, int n, Color color, double width, float opacity, boolean dashed,
                  String label);

    /** Filled circles with a white rim at the first {@code n} points. */
    void markers(double[] xs, double[] ys, int n, double radius, Color color, String label);

    /** Text whose baseline starts, centres or ends at (x, y); {@code vertical}: rotated to read upwards. */
    void text(String text, double x, double y, double size, boolean bold, Color color, Anchor anchor,
              boolean vertical);

    /** Limits drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** The colours around the data; files are always drawn light. */
    default Palette.Scheme scheme() {
        return Palette.LIGHT;
    }

    default double textWidth(String text, double size, boolean bold) {
        return TextMetrics.width(text, size, bold);
    }
}
