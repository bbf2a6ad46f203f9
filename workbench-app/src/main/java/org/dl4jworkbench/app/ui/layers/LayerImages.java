package org.dl4jworkbench.app.ui.layers;

import javafx.scene.image.WritableImage;
import org.dl4jworkbench.core.inspect.FeatureMap;
import org.dl4jworkbench.core.inspect.FilterImages;

/**
 * The layers view's pictures, made off the FX thread: feature maps in grey (black the layer's
 * lowest value, white its highest) and filters in colour or grey, each scaled up by whole
 * pixels (nearest neighbour, so a 4x4 map shows 16 crisp squares, not a blur).
 */
final class LayerImages {

    /** A map or filter is drawn about this many pixels on its longer side. */
    static final int TARGET = 44;

    private LayerImages() {
    }

    /** Whole-pixel zoom to bring a side of {@code side} pixels near {@link #TARGET}; at least 1. */
    static int zoom(int side, int target) {
        return Math.max(1, Math.round((float) target / Math.max(1, side)));
    }

    static WritableImage map(FeatureMap map) {
        int zoom = zoom(Math.max(map.height(), map.width()), TARGET);
        float[] pixels = map.pixels();
        var image = new WritableImage(map.width() * zoom, map.height() * zoom);
        var writer = image.getPixelWriter();
        for (int y = 0; y < map.height() * zoom; y++) {
            for (int x = 0; x < map.width() * zoom; x++) {
                int g = grey(pixels[(y / zoom) * map.width() + x / zoom]);
                writer.setArgb(x, y, 0xff000000 | (g << 16) | (g << 8) | g);
            }
        }
        return image;
    }

    /** Filter {@code i}: R, G, B planes where it has three input channels, else its first channel in grey. */
    static WritableImage filter(FilterImages filters, int i, int target) {
        int h = filters.height();
        int w = filters.width();
        int zoom = zoom(Math.max(h, w), target);
        float[] v = filters.image(i);
        int plane = h * w;
        boolean rgb = filters.channels() == 3;
        var image = new WritableImage(w * zoom, h * zoom);
        var writer = image.getPixelWriter();
        for (int y = 0; y < h * zoom; y++) {
            for (int x = 0; x < w * zoom; x++) {
                int p = (y / zoom) * w + x / zoom;
                int r = grey(v[p]);
                int g = rgb ? grey(v[plane + p]) : r;
                int b = rgb ? grey(v[2 * plane + p]) : r;
                writer.setArgb(x, y, 0xff000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int grey(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
