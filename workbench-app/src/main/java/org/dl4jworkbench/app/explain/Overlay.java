package org.dl4jworkbench.app.explain;

import org.dl4jworkbench.core.explain.Explanation;
import org.dl4jworkbench.core.predict.Prediction;

/**
 * An explanation drawn over the image as the network saw it, as ARGB pixels that both the
 * window (a JavaFX image) and the command line (a PNG) show: the image enlarged by whole
 * pixels (so a 28x28 digit stays sharp), the heat map resampled smoothly to the same size,
 * coloured by {@link HeatColors} and blended over the image with the given opacity.
 */
public record Overlay(int width, int height, int[] argb) {

    /** Small inputs are enlarged to at least this many pixels on their longer side. */
    public static final int MIN_SIDE = 224;

    public Overlay {
        argb = argb.clone();
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }

    /** The whole-pixel enlargement that brings the input's longer side to {@link #MIN_SIDE} or more. */
    public static int scaleFor(int width, int height) {
        int side = Math.max(width, height);
        return Math.max(1, (MIN_SIDE + side - 1) / side);
    }

    /** @param opacity 0 (only the image) to 1 (the heat map as opaque as {@link #heat} makes it) */
    public static Overlay of(Explanation e, double opacity) {
        return of(e, opacity, scaleFor(e.width(), e.height()));
    }

    public static Overlay of(Explanation e, double opacity, int scale) {
        Prediction p = e.prediction();
        byte[] image = p.networkInput();
        int w = e.width();
        int plane = w * e.height();
        int channels = p.channels();
        int[] heat = heat(e, scale).argb;
        int ow = w * scale;
        double a = Math.max(0, Math.min(1, opacity));
        int[] out = new int[heat.length];
        for (int i = 0; i < out.length; i++) {
            int pixel = (i / ow / scale) * w + (i % ow) / scale;
            int r = image[pixel] & 0xff;
            int g = channels == 3 ? image[plane + pixel] & 0xff : r;
            int b = channels == 3 ? image[2 * plane + pixel] & 0xff : r;
            double k = a * (heat[i] >>> 24) / 255.0;
            out[i] = 0xff000000 | blend(r, heat[i] >> 16 & 0xff, k) << 16 | blend(g, heat[i] >> 8 & 0xff, k) << 8
                    | blend(b, heat[i] & 0xff, k);
        }
        return new Overlay(ow, heat.length / ow, out);
    }

    /**
     * The heat map alone in its colours, enlarged {@code scale} times and resampled smoothly,
     * more opaque where it is hotter: the window lays it over the image and lets the user scale
     * its opacity.
     */
    public static Overlay heat(Explanation e, int scale) {
        int w = e.width();
        int h = e.height();
        float[] map = e.map();
        int ow = w * scale;
        int oh = h * scale;
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            double my = Math.max(0, Math.min(h - 1, (y + 0.5) / scale - 0.5));
            int y0 = (int) my;
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = my - y0;
            for (int x = 0; x < ow; x++) {
                double mx = Math.max(0, Math.min(w - 1, (x + 0.5) / scale - 0.5));
                int x0 = (int) mx;
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = mx - x0;
                double v = (map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx) * (1 - fy)
                        + (map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx) * fy;
                out[y * ow + x] = alpha(v) << 24 | HeatColors.rgb(v);
            }
        }
        return new Overlay(ow, oh, out);
    }

    /**
     * The heat's own opacity: a third where the map is zero (its extent stays visible), full
     * where it is highest, so the image shows through where the network did not look.
     */
    private static int alpha(double v) {
        return (int) Math.round(255 * (0.35 + 0.65 * Math.max(0, Math.min(1, v))));
    }

    private static int blend(int image, int heat, double opacity) {
        return (int) Math.round(image * (1 - opacity) + heat * opacity);
    }
}
