package org.dl4jworkbench.core.spec;

/**
 * How pixels become network input: {@code SCALE} divides by 255 (most tutorials);
 * {@code STANDARDIZE} then subtracts the training images' mean and divides by their standard
 * deviation, per channel (the MNIST MLP tutorial). The numbers are saved with the model.
 */
public enum Normalization implements SpecEnum {
    SCALE,
    STANDARDIZE
}
