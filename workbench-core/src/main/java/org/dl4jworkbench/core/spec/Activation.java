package org.dl4jworkbench.core.spec;

/** Activation functions a hidden layer may use. The output layer is always softmax. */
public enum Activation implements SpecEnum {
    RELU,
    LEAKY_RELU,
    ELU,
    TANH,
    SIGMOID,
    IDENTITY
}
