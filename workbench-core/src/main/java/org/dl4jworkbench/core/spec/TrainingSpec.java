package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How to train: the optimizer and its learning rate ({@code momentum} is used by Nesterov
 * only), minibatch size, epochs, L2 weight decay on the weights (not the biases), the seed
 * that makes weight initialisation and shuffling repeatable, the learning-rate schedule
 * (constant where absent), a linear warm-up over the first {@code warmupEpochs} (0: none),
 * and early stopping (none where absent).
 */
public record TrainingSpec(@JsonProperty(required = true) Optimizer optimizer,
                           @JsonProperty(required = true) double learningRate,
                           @JsonProperty(required = true) double momentum,
                           @JsonProperty(required = true) int batchSize,
                           @JsonProperty(required = true) int epochs,
                           @JsonProperty(required = true) double l2,
                           @JsonProperty(required = true) long seed,
                           Schedule schedule,
                           double warmupEpochs,
                           @JsonInclude(JsonInclude.Include.NON_NULL) EarlyStoppingSpec earlyStopping) {

    public static final double DEFAULT_MOMENTUM = 0.9;

    public TrainingSpec {
        optimizer = Objects.requireNonNullElse(optimizer, Optimizer.ADAM);
        schedule = Objects.requireNonNullElse(schedule, Schedule.CONSTANT);
    }

    public static TrainingSpec adam(double learningRate, int batchSize, int epochs) {
        return new TrainingSpec(Optimizer.ADAM, learningRate, DEFAULT_MOMENTUM, batchSize, epochs, 0, 42,
                Schedule.CONSTANT, 0, null);
    }

    public TrainingSpec withEpochs(int newEpochs) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, newEpochs, l2, seed,
                schedule, warmupEpochs, earlyStopping);
    }

    public TrainingSpec withBatchSize(int newBatchSize) {
        return new TrainingSpec(optimizer, learningRate, momentum, newBatchSize, epochs, l2, seed,
                schedule, warmupEpochs, earlyStopping);
    }

    public TrainingSpec withL2(double newL2) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, epochs, newL2, seed,
                schedule, warmupEpochs, earlyStopping);
    }

    public TrainingSpec withOptimizer(Optimizer newOptimizer, double newLearningRate) {
        return new TrainingSpec(newOptimizer, newLearningRate, momentum, batchSize, epochs, l2, seed,
                schedule, warmupEpochs, earlyStopping);
    }

    public TrainingSpec withSeed(long newSeed) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, epochs, l2, newSeed,
                schedule, warmupEpochs, earlyStopping);
    }

    public TrainingSpec withSchedule(Schedule newSchedule, double newWarmupEpochs) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, epochs, l2, seed, newSchedule,
                newWarmupEpochs, earlyStopping);
    }

    public TrainingSpec withEarlyStopping(EarlyStoppingSpec newEarlyStopping) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, epochs, l2, seed, schedule,
                warmupEpochs, newEarlyStopping);
    }
}
