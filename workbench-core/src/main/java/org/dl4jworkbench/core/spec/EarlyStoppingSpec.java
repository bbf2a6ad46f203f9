package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Stop training when the validation metric has not improved by more than {@code minDelta}
 * for {@code patience} epochs, and keep the weights of the best epoch.
 */
public record EarlyStoppingSpec(Metric metric, @JsonProperty(required = true) int patience, double minDelta) {

    /** What "better" means. */
    public enum Metric implements SpecEnum {
        VALIDATION_LOSS,
        VALIDATION_ACCURACY
    }

    public EarlyStoppingSpec {
        metric = Objects.requireNonNullElse(metric, Metric.VALIDATION_LOSS);
    }

    public static EarlyStoppingSpec onValidationLoss(int patience) {
        return new EarlyStoppingSpec(Metric.VALIDATION_LOSS, patience, 0);
    }

    /** Whether {@code value} is better than {@code best} by more than {@code minDelta}. */
    public boolean improves(double value, double best) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return metric == Metric.VALIDATION_LOSS ? value < best - minDelta : value > best + minDelta;
    }
}
