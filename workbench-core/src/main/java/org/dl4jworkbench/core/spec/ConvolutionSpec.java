package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A 2D convolution: {@code filters} kernels of size {@code kernel} over all input channels. */
public record ConvolutionSpec(String name, @JsonProperty(required = true) int filters,
                              @JsonProperty(required = true) Size2 kernel, Size2 stride, Padding padding,
                              Activation activation) implements LayerSpec {

    public static final String TYPE = "convolution";

    public ConvolutionSpec {
        kernel = Objects.requireNonNullElse(kernel, Size2.square(3));
        stride = Objects.requireNonNullElse(stride, Size2.square(1));
        padding = Objects.requireNonNullElse(padding, Padding.VALID);
        activation = Objects.requireNonNullElse(activation, Activation.RELU);
    }

    public static ConvolutionSpec of(int filters, int kernel, Padding padding, Activation activation) {
        return new ConvolutionSpec(null, filters, Size2.square(kernel), Size2.square(1), padding, activation);
    }

    public ConvolutionSpec withStride(int stride) {
        return new ConvolutionSpec(name, filters, kernel, Size2.square(stride), padding, activation);
    }

    public ConvolutionSpec withFilters(int newFilters) {
        return new ConvolutionSpec(name, newFilters, kernel, stride, padding, activation);
    }

    public ConvolutionSpec withKernel(Size2 newKernel) {
        return new ConvolutionSpec(name, filters, newKernel, stride, padding, activation);
    }

    public ConvolutionSpec withStride(Size2 newStride) {
        return new ConvolutionSpec(name, filters, kernel, newStride, padding, activation);
    }

    public ConvolutionSpec withPadding(Padding newPadding) {
        return new ConvolutionSpec(name, filters, kernel, stride, newPadding, activation);
    }

    public ConvolutionSpec withActivation(Activation newActivation) {
        return new ConvolutionSpec(name, filters, kernel, stride, padding, newActivation);
    }

    @Override
    public ConvolutionSpec withName(String newName) {
        return new ConvolutionSpec(newName, filters, kernel, stride, padding, activation);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String namePrefix() {
        return "conv";
    }

    @Override
    public String settings() {
        return kernel + "x" + filters + ", stride " + stride.format(true) + ", " + padding.id() + ", "
                + activation.id();
    }
}
