package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the learning rate changes over a run, from the optimizer's learning rate. A warm-up
 * ({@link TrainingSpec#warmupEpochs()}) may ramp it up first, whatever the schedule.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Schedule.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Schedule.Step.class, name = "step"),
    @JsonSubTypes.Type(value = Schedule.Cosine.class, name = "cosine")
})
public sealed interface Schedule permits Schedule.Constant, Schedule.Step, Schedule.Cosine {

    Constant CONSTANT = new Constant();
    Cosine COSINE = new Cosine();

    /** The factor (0..1] applied to the learning rate at a point of the run; {@code progress} is 0..1. */
    double factor(int epoch, double progress);

    /** The same learning rate throughout. */
    record Constant() implements Schedule {
        @Override
        public double factor(int epoch, double progress) {
            return 1;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /** Step decay: multiplied by {@code factor} after every {@code everyEpochs} epochs. */
    record Step(@JsonProperty(required = true) int everyEpochs, @JsonProperty(required = true) double factor)
            implements Schedule {
        @Override
        public double factor(int epoch, double progress) {
            return Math.pow(factor, Math.floorDiv(epoch, Math.max(1, everyEpochs)));
        }

        @Override
        public String toString() {
            return "step x" + factor + " every " + everyEpochs + " epoch(s)";
        }
    }

    /** Cosine decay from the learning rate to zero at the end of the run. */
    record Cosine() implements Schedule {
        @Override
        public double factor(int epoch, double progress) {
            return 0.5 * (1 + Math.cos(Math.PI * Math.min(1, Math.max(0, progress))));
        }

        @Override
        public String toString() {
            return "cosine";
        }
    }
}
