package org.dl4jworkbench.core.spec;

/**
 * How pixels become network input: {@code SCALE} divides by 255 (most tutorials);
 * {@code STANDARDIZE} then subtracts the training images' mean and divides by their standard
 * deviation, per channel (the MNIST MLP tutorial); {@code SYMMETRIC} maps pixels to -1..1 as
 * {@code x / 127.5 - 1} (MobileNet and the other Keras applications); {@code NONE} passes the raw
 * 0..255 values (some imported Keras models). The numbers are saved with the model.
 */
public enum Normalization implements SpecEnum {
    SCALE,
    STANDARDIZE,
    SYMMETRIC,
    NONE
}
