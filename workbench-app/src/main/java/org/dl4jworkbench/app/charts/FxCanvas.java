package org.dl4jworkbench.app.charts;

import java.awt.Color;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a chart on a JavaFX canvas: the live dashboard uses the same layout as the PNG and SVG
 * files, in the light or the dark theme's colours.
 */
final class FxCanvas implements Canvas {

    private final GraphicsContext g;
    private final Palette.Scheme scheme;

    FxCanvas(GraphicsContext g, Palette.Scheme scheme) {
        this.g = g;
        this.scheme = scheme;
    }

    @Override
    public Palette.Scheme scheme() {
        return scheme;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        g.setFill(fx(fill, 1));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
        g.setStroke(fx(stroke, 1));
        g.setLineWidth(width);
        g.setLineDashes();
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        g.setStroke(fx(color, 1));
        g.setLineWidth(width);
        dashes(dashed);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes();
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color color, double width, float opacity, boolean dashed,
                         String label) {
        g.setStroke(fx(color, opacity));
        g.setLineWidth(width);
        dashes(dashed);
        g.strokePolyline(xs, ys, n);
        g.setLineDashes();
    }

    @Override
    public void markers(double[] xs, double[] ys, int n, double radius, Color color, String label) {
        g.setFill(fx(color, 1));
        g.setStroke(fx(scheme.rim(), 1));
        g.setLineWidth(1.2);
        g.setLineDashes();
        for (int i = 0; i < n; i++) {
            g.fillOval(xs[i] - radius, ys[i] - radius, 2 * radius, 2 * radius);
            g.strokeOval(xs[i] - radius, ys[i] - radius, 2 * radius, 2 * radius);
        }
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color color, Anchor anchor,
                     boolean vertical) {
        g.save();
        g.setFill(fx(color, 1));
        g.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(switch (anchor) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        if (vertical) {
            g.translate(x, y);
            g.rotate(-90);
            g.fillText(text, 0, 0);
        } else {
            g.fillText(text, x, y);
        }
        g.restore();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.closePath();
        g.clip();
    }

    @Override
    public void unclip() {
        g.restore();
    }

    private void dashes(boolean dashed) {
        if (dashed) {
            g.setLineDashes(6, 4);
        } else {
            g.setLineDashes();
        }
    }

    private static javafx.scene.paint.Color fx(Color c, double opacity) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0 * opacity);
    }
}
