package org.dl4jworkbench.core.spec;

/**
 * How a convolution or pooling window treats the border. {@code SAME} pads so the output is
 * {@code ceil(input / stride)}; {@code VALID} uses no padding, so the output is
 * {@code floor((input - kernel) / stride) + 1} and a window larger than its input does not fit.
 */
public enum Padding implements SpecEnum {
    SAME,
    VALID
}
