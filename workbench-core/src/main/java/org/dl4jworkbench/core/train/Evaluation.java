package org.dl4jworkbench.core.train;

import java.util.List;

/**
 * A classifier's results on labelled images: the confusion matrix
 * ({@code confusion[actual][predicted]} counts) and the mean cross-entropy loss.
 */
public record Evaluation(List<String> classNames, int[][] confusion, double loss) {

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    public int correct() {
        int n = 0;
        for (int i = 0; i < confusion.length; i++) {
            n += confusion[i][i];
        }
        return n;
    }

    /** Share of images classified right; NaN where there were none. */
    public double accuracy() {
        int total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }
}
