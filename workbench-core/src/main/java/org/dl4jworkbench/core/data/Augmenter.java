package org.dl4jworkbench.core.data;

import java.util.Random;
import org.dl4jworkbench.core.spec.AugmentationSpec;

/**
 * Applies an {@link AugmentationSpec} to channel-planar byte images: one random affine
 * transform per image (flip, rotation about the centre, shift, zoom), sampled bilinearly,
 * with edge pixels repeated where the transform looks outside the image (Keras' "nearest"
 * fill). Deterministic for a given {@link Random}.
 */
public final class Augmenter {

    private final AugmentationSpec spec;

    public Augmenter(AugmentationSpec spec) {
        this.spec = spec;
    }

    public boolean isIdentity() {
        return spec.isNone();
    }

    /** A transformed copy of {@code image} ({@code height x width x channels}, planar). */
    public byte[] apply(byte[] image, int height, int width, int channels, Random random) {
        boolean flip = spec.flip() && random.nextBoolean();
        double angle = Math.toRadians(spec.rotation() * (2 * random.nextDouble() - 1));
        double tx = spec.translation() * width * (2 * random.nextDouble() - 1);
        double ty = spec.translation() * height * (2 * random.nextDouble() - 1);
        double scale = 1 + spec.zoom() * (2 * random.nextDouble() - 1);
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        int plane = height * width;
        byte[] out = new byte[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Output pixel -> source position: undo the shift, then the rotation and zoom.
                double dx = x - cx - tx;
                double dy = y - cy - ty;
                double sx = cos * dx + sin * dy + cx;
                double sy = -sin * dx + cos * dy + cy;
                if (flip) {
                    sx = width - 1 - sx;
                }
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int xa = clamp(x0, width);
                int xb = clamp(x0 + 1, width);
                int ya = clamp(y0, height);
                int yb = clamp(y0 + 1, height);
                for (int c = 0; c < channels; c++) {
                    int base = c * plane;
                    double top = (image[base + ya * width + xa] & 0xff) * (1 - fx)
                            + (image[base + ya * width + xb] & 0xff) * fx;
                    double bottom = (image[base + yb * width + xa] & 0xff) * (1 - fx)
                            + (image[base + yb * width + xb] & 0xff) * fx;
                    out[base + y * width + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : v >= size ? size - 1 : v;
    }
}
