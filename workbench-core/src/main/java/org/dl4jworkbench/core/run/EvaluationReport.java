package org.dl4jworkbench.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.dl4jworkbench.core.train.Evaluation;

/**
 * An {@link Evaluation} as written to {@code evaluation.json} and printed by
 * {@code evaluate --json}: overall and top-k accuracy, loss, per-class precision, recall and
 * F1 (null where undefined), the confusion matrix (rows: true class, columns: predicted), and
 * the most confident mistakes.
 */
public record EvaluationReport(String dataset, int total, int correct, double accuracy, int topK,
                               @JsonProperty("top_k_accuracy") double topKAccuracy, double loss, List<String> classNames, List<ClassRow> classes,
                               int[][] confusion, int mistakesTotal, List<Evaluation.Mistake> mistakes) {

    /** Shown mistakes at most. */
    public static final int MISTAKES_SHOWN = 200;

    /** One class's row of the per-class table. */
    public record ClassRow(String name, int support, Double precision, Double recall, Double f1) {
    }

    public static EvaluationReport of(String dataset, Evaluation e) {
        List<ClassRow> rows = e.perClass().stream().map(c -> new ClassRow(c.name(), c.support(), orNull(c.precision()),
                orNull(c.recall()), orNull(c.f1()))).toList();
        return new EvaluationReport(dataset, e.total(), e.correct(), e.accuracy(), e.topK(), e.topKAccuracy(),
                e.loss(), e.classNames(), rows, e.confusion(), e.mistakes().size(),
                e.mistakes().subList(0, Math.min(MISTAKES_SHOWN, e.mistakes().size())));
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
