package org.dl4jworkbench.core.data.image;

/**
 * Separable resampling with a triangle (bilinear) filter whose support widens with the
 * reduction factor, so that shrinking a photo averages its pixels instead of skipping them
 * (as Pillow's antialiased bilinear does). Works on interleaved 8-bit samples.
 */
final class Resampler {

    private Resampler() {
    }

    static byte[] resize(byte[] src, int srcW, int srcH, int channels, int dstW, int dstH) {
        if (srcW == dstW && srcH == dstH) {
            return src;
        }
        Weights horizontal = Weights.of(srcW, dstW);
        Weights vertical = Weights.of(srcH, dstH);
        float[] rows = new float[srcH * dstW * channels];
        for (int y = 0; y < srcH; y++) {
            for (int x = 0; x < dstW; x++) {
                for (int c = 0; c < channels; c++) {
                    float sum = 0;
                    for (int k = 0; k < horizontal.count[x]; k++) {
                        int sx = horizontal.start[x] + k;
                        sum += (src[(y * srcW + sx) * channels + c] & 0xff) * horizontal.weight[x][k];
                    }
                    rows[(y * dstW + x) * channels + c] = sum;
                }
            }
        }
        byte[] out = new byte[dstW * dstH * channels];
        for (int y = 0; y < dstH; y++) {
            for (int x = 0; x < dstW; x++) {
                for (int c = 0; c < channels; c++) {
                    float sum = 0;
                    for (int k = 0; k < vertical.count[y]; k++) {
                        int sy = vertical.start[y] + k;
                        sum += rows[(sy * dstW + x) * channels + c] * vertical.weight[y][k];
                    }
                    out[(y * dstW + x) * channels + c] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return out;
    }

    /** For each output position: the first input position, how many inputs, and their weights. */
    private record Weights(int[] start, int[] count, float[][] weight) {

        static Weights of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(1.0, scale); // triangle half-width in input pixels
            int[] start = new int[out];
            int[] count = new int[out];
            float[][] weight = new float[out][];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int first = Math.max(0, (int) Math.floor(center - support));
                int last = Math.min(in - 1, (int) Math.ceil(center + support));
                float[] w = new float[last - first + 1];
                double total = 0;
                for (int j = first; j <= last; j++) {
                    double d = Math.abs(j + 0.5 - center) / support;
                    double v = Math.max(0, 1 - d);
                    w[j - first] = (float) v;
                    total += v;
                }
                if (total == 0) { // input of one pixel
                    w[Math.min(w.length - 1, Math.max(0, (int) center - first))] = 1;
                    total = 1;
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] /= (float) total;
                }
                start[i] = first;
                count[i] = w.length;
                weight[i] = w;
            }
            return new Weights(start, count, weight);
        }
    }
}
