package org.dl4jworkbench.app.charts;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Draws onto a Java2D graphics (a {@code BufferedImage}'s: works headless). */
final class Java2dCanvas implements Canvas {

    private static final float[] DASH = {6f, 4f};

    private final Graphics2D g;

    Java2dCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
        g.setColor(stroke);
        g.setStroke(stroke(width, false));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        g.setColor(color);
        g.setStroke(stroke(width, dashed));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color color, double width, float opacity, boolean dashed,
                         String label) {
        if (n == 0) {
            return;
        }
        var path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        Composite before = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
        g.setColor(color);
        g.setStroke(stroke(width, dashed));
        g.draw(path);
        g.setComposite(before);
    }

    @Override
    public void markers(double[] xs, double[] ys, int n, double radius, Color color, String label) {
        g.setStroke(stroke(1.5, false));
        for (int i = 0; i < n; i++) {
            var dot = new Ellipse2D.Double(xs[i] - radius, ys[i] - radius, 2 * radius, 2 * radius);
            g.setColor(color);
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
        }
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color color, Anchor anchor,
                     boolean vertical) {
        double width = textWidth(text, size, bold);
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        g.setColor(color);
        g.setFont(TextMetrics.font(size, bold));
        if (vertical) {
            AffineTransform before = g.getTransform();
            g.rotate(-Math.PI / 2, x, y);
            g.drawString(text, (float) (x + shift), (float) y);
            g.setTransform(before);
        } else {
            g.drawString(text, (float) (x + shift), (float) y);
        }
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    private static BasicStroke stroke(double width, boolean dashed) {
        return dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
