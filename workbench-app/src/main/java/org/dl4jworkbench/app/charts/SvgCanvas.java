package org.dl4jworkbench.app.charts;

import java.awt.Color;
import java.util.Locale;

/**
 * Writes SVG 1.1 text. Each series becomes one {@code <path>} (markers: one path of circles)
 * with a {@code <title>} naming it, which browsers show as a tooltip.
 */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();
    private int clips;
    private boolean clipped;

    SvgCanvas(int width, int height, String title) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"").append(TextMetrics.SVG_FAMILY).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n");
    }

    /** The finished document. */
    String finish() {
        unclip();
        return svg + "</svg>\n";
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(Palette.hex(fill))
                .append("\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"none\" stroke=\"")
                .append(Palette.hex(stroke)).append("\" stroke-width=\"").append(n(width)).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Palette.hex(color))
                .append("\" stroke-width=\"").append(n(width)).append('"').append(dash(dashed)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, Color color, double width, float opacity,
                         boolean dashed, String label) {
        if (count == 0) {
            return;
        }
        svg.append("<path fill=\"none\" stroke=\"").append(Palette.hex(color)).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        if (opacity < 1) {
            svg.append(" stroke-opacity=\"").append(n(opacity)).append('"');
        }
        svg.append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"").append(dash(dashed)).append(" d=\"M");
        for (int i = 0; i < count; i++) {
            svg.append(i == 0 ? "" : " L").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        svg.append('"');
        closePath(label);
    }

    @Override
    public void markers(double[] xs, double[] ys, int count, double radius, Color color, String label) {
        if (count == 0) {
            return;
        }
        // One path of circles: each is two half-circle arcs from its left edge.
        svg.append("<path fill=\"").append(Palette.hex(color))
                .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\" d=\"");
        String r = n(radius);
        for (int i = 0; i < count; i++) {
            svg.append(i == 0 ? "M" : " M").append(n(xs[i] - radius)).append(',').append(n(ys[i]))
                    .append(" a").append(r).append(',').append(r).append(" 0 1,0 ").append(n(2 * radius)).append(",0")
                    .append(" a").append(r).append(',').append(r).append(" 0 1,0 ").append(n(-2 * radius))
                    .append(",0 z");
        }
        svg.append('"');
        closePath(label);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color color, Anchor anchor,
                     boolean vertical) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(n(size)).append("\" fill=\"").append(Palette.hex(color)).append('"');
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        if (anchor != Anchor.START) {
            svg.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (vertical) {
            svg.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        clips++;
        svg.append("<clipPath id=\"clip").append(clips).append("\"><rect x=\"").append(n(x)).append("\" y=\"")
                .append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\"/></clipPath>\n<g clip-path=\"url(#clip").append(clips).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            svg.append("</g>\n");
            clipped = false;
        }
    }

    private void closePath(String label) {
        if (label == null) {
            svg.append("/>\n");
        } else {
            svg.append("><title>").append(escape(label)).append("</title></path>\n");
        }
    }

    private static String dash(boolean dashed) {
        return dashed ? " stroke-dasharray=\"6,4\"" : "";
    }

    /** Pixels to two decimals, without trailing zeros: 12, 12.5, 12.25. */
    private static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String s = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters, even escaped.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
