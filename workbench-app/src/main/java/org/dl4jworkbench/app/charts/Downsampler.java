package org.dl4jworkbench.app.charts;

import java.util.Arrays;

/**
 * Cuts a long series down to what a line of {@code columns} pixels can show: per pixel column
 * its first, lowest, highest and last point, in x order (the "M4" reduction). The drawing
 * looks the same as with every point, spikes included, at a cost that depends on the width,
 * not on 100,000 iterations. Non-finite points are dropped.
 */
final class Downsampler {

    private Downsampler() {
    }

    /** Points as {xs, ys}; x must be ascending. */
    static double[][] reduce(double[] x, double[] y, double xMin, double xMax, int columns) {
        int n = x.length;
        if (n <= 4L * columns || xMax <= xMin) {
            return finiteOnly(x, y);
        }
        double[] outX = new double[4 * columns + 4];
        double[] outY = new double[outX.length];
        int out = 0;
        int column = Integer.MIN_VALUE;
        int first = -1;
        int low = -1;
        int high = -1;
        int last = -1;
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            int c = end ? Integer.MAX_VALUE : -1;
            if (!end) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    continue;
                }
                c = (int) Math.floor((x[i] - xMin) / (xMax - xMin) * columns);
            }
            if (c != column) {
                if (first >= 0) {
                    out = emitColumn(x, y, first, low, high, last, outX, outY, out);
                }
                column = c;
                first = low = high = last = i;
            } else {
                if (y[i] < y[low]) {
                    low = i;
                }
                if (y[i] > y[high]) {
                    high = i;
                }
                last = i;
            }
            if (out + 4 > outX.length) {
                outX = Arrays.copyOf(outX, outX.length * 2);
                outY = Arrays.copyOf(outY, outY.length * 2);
            }
        }
        return new double[][] {Arrays.copyOf(outX, out), Arrays.copyOf(outY, out)};
    }

    private static int emitColumn(double[] x, double[] y, int first, int low, int high, int last, double[] outX,
                                  double[] outY, int out) {
        int[] picks = {first, Math.min(low, high), Math.max(low, high), last};
        int previous = -1;
        for (int p : picks) {
            if (p != previous) {
                outX[out] = x[p];
                outY[out] = y[p];
                out++;
                previous = p;
            }
        }
        return out;
    }

    private static double[][] finiteOnly(double[] x, double[] y) {
        double[] outX = new double[x.length];
        double[] outY = new double[y.length];
        int out = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                outX[out] = x[i];
                outY[out] = y[i];
                out++;
            }
        }
        return new double[][] {Arrays.copyOf(outX, out), Arrays.copyOf(outY, out)};
    }
}
