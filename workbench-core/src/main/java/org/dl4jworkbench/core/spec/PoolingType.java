package org.dl4jworkbench.core.spec;

/** Max or average pooling. */
public enum PoolingType implements SpecEnum {
    MAX,
    AVERAGE
}
