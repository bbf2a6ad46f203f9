package org.dl4jworkbench.core.spec;

/** Gradient-descent updaters. {@code momentum} in {@link TrainingSpec} applies to Nesterov only. */
public enum Optimizer implements SpecEnum {
    ADAM,
    SGD,
    NESTEROV,
    RMSPROP
}
