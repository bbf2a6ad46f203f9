package org.dl4jworkbench.core.train;

import java.util.List;

/**
 * Accuracy of a classifier on labelled images, with the confusion matrix
 * ({@code confusion[actual][predicted]} counts).
 */
public record Evaluation(List<String> classNames, int[][] confusion) {

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

    public double accuracy() {
        int total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }
}
