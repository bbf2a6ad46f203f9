package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Activation functions a hidden layer may use. The output layer is always softmax. */
public enum Activation {
    RELU("relu"),
    LEAKY_RELU("leaky-relu"),
    ELU("elu"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    IDENTITY("identity");

    private final String id;

    Activation(String id) {
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
