package org.dl4jworkbench.core.explain;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The arithmetic of the maps, on plain arrays: Grad-CAM's weighted sum, saliency's channel maximum, upsampling, scaling. */
final class HeatMaps {

    private HeatMaps() {
    }

    /** A 2-d map of {@code width x height} values, row by row. */
    record Map2d(int width, int height, float[] values) {
    }

    /**
     * Grad-CAM: each channel's weight is the spatial mean of the score's gradient over it;
     * the map is the weighted sum of the channels, negative values cut (relu), since Grad-CAM
     * shows the evidence for the class, not against it.
     *
     * @param activations the layer's output {@code [1, C, H, W]} or, channels-last, {@code [1, H, W, C]}
     * @param gradient the score's gradient with respect to it, same shape
     */
    static Map2d gradCam(INDArray activations, INDArray gradient, boolean channelsLast) {
        INDArray a = nchw(activations, channelsLast);
        INDArray g = nchw(gradient, channelsLast);
        int c = (int) a.size(1);
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        float[] av = floats(a);
        float[] gv = floats(g);
        int plane = h * w;
        float[] map = new float[plane];
        for (int k = 0; k < c; k++) {
            double sum = 0;
            for (int i = 0; i < plane; i++) {
                sum += gv[k * plane + i];
            }
            float weight = (float) (sum / plane);
            for (int i = 0; i < plane; i++) {
                map[i] += weight * av[k * plane + i];
            }
        }
        for (int i = 0; i < plane; i++) {
            map[i] = Math.max(0f, map[i]);
        }
        return new Map2d(w, h, map);
    }

    /** Saliency: the largest absolute gradient over the channels at each pixel. */
    static Map2d saliency(INDArray inputGradient, boolean channelsLast) {
        INDArray g = nchw(inputGradient, channelsLast);
        int c = (int) g.size(1);
        int h = (int) g.size(2);
        int w = (int) g.size(3);
        float[] gv = floats(g);
        int plane = h * w;
        float[] map = new float[plane];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < plane; i++) {
                map[i] = Math.max(map[i], Math.abs(gv[k * plane + i]));
            }
        }
        return new Map2d(w, h, map);
    }

    /**
     * Bilinear resampling of a layer's map onto the input, each feature cell placed at the
     * centre of its receptive field ({@link Geometry}). Within half a cell beyond the outermost
     * centres a pixel takes the nearest edge's value (all there is with 'same' padding); where
     * unpadded layers leave a wider margin (LeNet's last cells are centred on the middle 14 of
     * 28 pixels) the value fades linearly to zero at the image's border, as fewer and fewer
     * cells see those pixels, instead of being drawn out into streaks to the border.
     */
    static Map2d resize(Map2d source, int width, int height, Geometry geometry) {
        float[] out = new float[width * height];
        float[] in = source.values();
        int sw = source.width();
        int sh = source.height();
        for (int y = 0; y < height; y++) {
            double rawY = (y + 0.5 - geometry.offsetY()) / geometry.strideY();
            double fadeY = fade(rawY, sh, geometry.strideY(), geometry.offsetY(), height);
            double sy = clamp(rawY, sh - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, sh - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double rawX = (x + 0.5 - geometry.offsetX()) / geometry.strideX();
                double fade = fadeY * fade(rawX, sw, geometry.strideX(), geometry.offsetX(), width);
                double sx = clamp(rawX, sw - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, sw - 1);
                double fx = sx - x0;
                double top = in[y0 * sw + x0] * (1 - fx) + in[y0 * sw + x1] * fx;
                double bottom = in[y1 * sw + x0] * (1 - fx) + in[y1 * sw + x1] * fx;
                out[y * width + x] = (float) (fade * (top * (1 - fy) + bottom * fy));
            }
        }
        return new Map2d(width, height, out);
    }

    /** Scaled so that the largest value is 1 (all zeros stay zeros: there is nothing to show). */
    static float[] normalized(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        if (max > 0 && Float.isFinite(max)) {
            for (int i = 0; i < values.length; i++) {
                out[i] = Math.max(0f, values[i]) / max;
            }
        }
        return out;
    }

    /**
     * 1 up to half a cell beyond the outermost cell centres, then falling linearly to 0 at the
     * image's border ({@code raw}: the position in cells; the margin: from the outermost centre
     * to the border, in pixels).
     */
    private static double fade(double raw, int cells, double stride, double offset, int size) {
        double beyond = raw < 0 ? -raw * stride : raw > cells - 1 ? (raw - (cells - 1)) * stride : 0;
        double margin = raw < 0 ? offset : size - (offset + stride * (cells - 1));
        double free = stride / 2;
        if (beyond <= free || margin <= free) {
            return 1;
        }
        return Math.max(0, 1 - (beyond - free) / (margin - free));
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static INDArray nchw(INDArray x, boolean channelsLast) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("expected a 4-d array, found shape " + java.util.Arrays.toString(x.shape()));
        }
        return channelsLast ? x.permute(0, 3, 1, 2) : x;
    }

    private static float[] floats(INDArray x) {
        return x.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
