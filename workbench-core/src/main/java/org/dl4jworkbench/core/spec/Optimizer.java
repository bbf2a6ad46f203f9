package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Gradient-descent updaters. {@code momentum} in {@link TrainingSpec} applies to Nesterov only. */
public enum Optimizer {
    ADAM("adam"),
    SGD("sgd"),
    NESTEROV("nesterov"),
    RMSPROP("rmsprop");

    private final String id;

    Optimizer(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
