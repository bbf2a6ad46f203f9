package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Max or average pooling per channel; the stride defaults to the kernel size. */
public record PoolingSpec(String name, PoolingType pooling, @JsonProperty(required = true) Size2 kernel, Size2 stride, Padding padding)
        implements LayerSpec {

    public static final String TYPE = "pooling";

    public PoolingSpec {
        pooling = Objects.requireNonNullElse(pooling, PoolingType.MAX);
        kernel = Objects.requireNonNullElse(kernel, Size2.square(2));
        stride = Objects.requireNonNullElse(stride, kernel);
        padding = Objects.requireNonNullElse(padding, Padding.VALID);
    }

    public static PoolingSpec max(int kernel) {
        return new PoolingSpec(null, PoolingType.MAX, Size2.square(kernel), null, Padding.VALID);
    }

    public static PoolingSpec max(int kernel, int stride, Padding padding) {
        return new PoolingSpec(null, PoolingType.MAX, Size2.square(kernel), Size2.square(stride), padding);
    }

    public PoolingSpec withPooling(PoolingType newPooling) {
        return new PoolingSpec(name, newPooling, kernel, stride, padding);
    }

    public PoolingSpec withKernel(Size2 newKernel) {
        return new PoolingSpec(name, pooling, newKernel, stride, padding);
    }

    public PoolingSpec withStride(Size2 newStride) {
        return new PoolingSpec(name, pooling, kernel, newStride, padding);
    }

    public PoolingSpec withPadding(Padding newPadding) {
        return new PoolingSpec(name, pooling, kernel, stride, newPadding);
    }

    @Override
    public PoolingSpec withName(String newName) {
        return new PoolingSpec(newName, pooling, kernel, stride, padding);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String namePrefix() {
        return "pool";
    }

    @Override
    public String settings() {
        return pooling.id() + " " + kernel + ", stride " + stride.format(true) + ", " + padding.id();
    }
}
