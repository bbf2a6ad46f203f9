package org.dl4jworkbench.core.inspect;

/**
 * Statistics of one layer's output for one image: over all {@code count} values, their mean,
 * standard deviation (of the population), extremes, and the share that is exactly zero (what a
 * relu makes of negative inputs); for image-shaped outputs also how many of the {@code maps}
 * channels are zero everywhere ({@code zeroMaps}; both 0 for a vector).
 */
public record LayerStats(long count, double mean, double deviation, double min, double max, double zeroShare,
                         int zeroMaps, int maps) {

    /** The statistics of {@code values}, laid out as {@code maps} planes of {@code plane} values (maps 0: a vector). */
    static LayerStats of(float[] values, int maps, int plane) {
        long n = values.length;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long zeros = 0;
        for (float v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v == 0f) {
                zeros++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        int zeroMaps = 0;
        for (int m = 0; m < maps; m++) {
            boolean all = true;
            for (int i = m * plane; i < (m + 1) * plane && all; i++) {
                all = values[i] == 0f;
            }
            if (all) {
                zeroMaps++;
            }
        }
        return new LayerStats(n, mean, n == 0 ? 0 : Math.sqrt(squares / n), n == 0 ? 0 : min, n == 0 ? 0 : max,
                n == 0 ? 0 : (double) zeros / n, zeroMaps, maps);
    }
}
