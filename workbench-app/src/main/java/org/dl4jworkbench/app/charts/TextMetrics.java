package org.dl4jworkbench.app.charts;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * Text widths from the font the PNG is drawn with. The SVG uses them too: its viewer's
 * sans-serif is close enough for layout, and this needs no display (headless works).
 */
final class TextMetrics {

    /** Logical font: DejaVu Sans on Linux, Arial or Helvetica elsewhere. */
    static final String FAMILY = Font.SANS_SERIF;
    /** The same intent for SVG viewers. */
    static final String SVG_FAMILY = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif";

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private TextMetrics() {
    }

    static Font font(double size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    static double width(String text, double size, boolean bold) {
        return font(size, bold).getStringBounds(text, CONTEXT).getWidth();
    }
}
