package org.dl4jworkbench.app.charts;

import java.awt.Color;

/**
 * Colours for charts. Series colours are Okabe and Ito's palette, which stays distinguishable
 * with the common colour-vision deficiencies; its yellow is left out because it vanishes on
 * white. Training is always blue and validation vermillion, so the two panels of a run read
 * alike.
 */
public final class Palette {

    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color BLACK = new Color(0x222222);

    public static final Color TRAINING = BLUE;
    public static final Color VALIDATION = VERMILLION;

    static final Color BACKGROUND = Color.WHITE;
    static final Color PLOT_BACKGROUND = new Color(0xFBFBFC);
    static final Color TEXT = new Color(0x1F2328);
    static final Color MUTED_TEXT = new Color(0x59636E);
    static final Color AXIS = new Color(0x8C959F);
    static final Color GRID = new Color(0xE6E8EB);
    static final Color EPOCH_LINE = new Color(0xC4C9D0);

    /**
     * The colours around the data: background, plot area, text, axes, grid, epoch lines, and
     * the rim of dots. {@link #LIGHT} for files and the light theme; {@link #DARK} follows
     * AtlantaFX's Primer Dark, whose window background is #0d1117.
     */
    public record Scheme(Color background, Color plotBackground, Color text, Color mutedText, Color axis, Color grid,
                         Color epochLine, Color rim, boolean dark) {

        /** A series' or marker's colour as drawn on this background: on dark, near-black turns light. */
        public Color ink(Color c) {
            if (!dark) {
                return c;
            }
            if (c.equals(BLACK)) {
                return new Color(0xC9D1D9);
            }
            // a little lighter, so blue and purple keep their contrast on a dark background
            return new Color(lighten(c.getRed()), lighten(c.getGreen()), lighten(c.getBlue()), c.getAlpha());
        }

        private static int lighten(int channel) {
            return (int) Math.round(channel + (255 - channel) * 0.2);
        }
    }

    public static final Scheme LIGHT = new Scheme(BACKGROUND, PLOT_BACKGROUND, TEXT, MUTED_TEXT, AXIS, GRID, EPOCH_LINE,
            Color.WHITE, false);
    public static final Scheme DARK = new Scheme(new Color(0x0D1117), new Color(0x161B22), new Color(0xE6EDF3),
            new Color(0x9198A1), new Color(0x6E7681), new Color(0x262C36), new Color(0x3D444D), new Color(0x161B22),
            true);

    /** Opacity of {@link Series.Style#FAINT_LINE}. */
    static final float FAINT_OPACITY = 0.28f;

    private static final Color[] SERIES = {BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, BLACK};

    private Palette() {
    }

    /** The colour of the {@code index}-th series; it repeats after 7, so {@link #dashed} tells them apart. */
    public static Color series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    /** Whether the {@code index}-th series is drawn dashed: from the second round of colours on. */
    public static boolean dashed(int index) {
        return Math.floorMod(index / SERIES.length, 2) == 1;
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
