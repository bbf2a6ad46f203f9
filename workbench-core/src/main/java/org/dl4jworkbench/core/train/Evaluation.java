package org.dl4jworkbench.core.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's results on labelled images: the confusion matrix
 * ({@code confusion[actual][predicted]} counts), the mean cross-entropy loss, how often the
 * right class was among the {@code topK} most probable, and the images it got wrong (their
 * position in the evaluated set, true and predicted class, and the predicted class's
 * probability), most confident mistakes first.
 */
public record Evaluation(List<String> classNames, int[][] confusion, double loss, int topK, int topKCorrect,
                         List<Mistake> mistakes) {

    /** One misclassified image. */
    public record Mistake(int index, int actual, int predicted, double confidence) {
    }

    /** Precision, recall and F1 of one class (NaN where undefined: nothing predicted or present). */
    public record ClassMetrics(String name, int support, double precision, double recall, double f1) {
    }

    public Evaluation {
        classNames = List.copyOf(classNames);
        mistakes = List.copyOf(mistakes);
    }

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

    /** Share of images whose class was among the {@link #topK()} most probable. */
    public double topKAccuracy() {
        int total = total();
        return total == 0 ? Double.NaN : (double) topKCorrect / total;
    }

    @JsonIgnore
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            int truePositive = confusion[c][c];
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < confusion.length; k++) {
                support += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? Double.NaN : (double) truePositive / predicted;
            double recall = support == 0 ? Double.NaN : (double) truePositive / support;
            double f1 = Double.isNaN(precision) || Double.isNaN(recall) || precision + recall == 0 ? Double.NaN
                    : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(classNames.get(c), support, precision, recall, f1));
        }
        return metrics;
    }
}
