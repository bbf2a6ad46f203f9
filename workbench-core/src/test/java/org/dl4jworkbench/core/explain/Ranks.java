package org.dl4jworkbench.core.explain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Measures for comparing maps in tests. */
final class Ranks {

    private Ranks() {
    }

    /** Spearman's rank correlation (ties get their mean rank). */
    static double spearman(float[] a, float[] b) {
        return pearson(ranks(a), ranks(b));
    }

    /** Ink pixels: brighter than half scale (MNIST stores white ink on black). */
    static boolean[] strokes(byte[] gray, int width, int height) {
        boolean[] ink = new boolean[width * height];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (gray[i] & 0xff) > 127;
        }
        return ink;
    }

    /** A mask grown by one pixel in all eight directions. */
    static boolean[] grown(boolean[] mask, int width, int height) {
        boolean[] out = mask.clone();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x]) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                                out[yy * width + xx] = true;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static double[] ranks(float[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] ranks = new double[v.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return ranks;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
