package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Dropout during training. {@code rate} is the fraction of activations DROPPED (the Keras
 * and TensorFlow convention, 0.4 drops 40%); DL4J's own dropout argument is the fraction
 * kept, and the compiler converts.
 */
public record DropoutSpec(String name, @JsonProperty(required = true) double rate) implements LayerSpec {

    public static final String TYPE = "dropout";

    public static DropoutSpec of(double rate) {
        return new DropoutSpec(null, rate);
    }

    public DropoutSpec withRate(double newRate) {
        return new DropoutSpec(name, newRate);
    }

    @Override
    public DropoutSpec withName(String newName) {
        return new DropoutSpec(newName, rate);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String namePrefix() {
        return "dropout";
    }

    @Override
    public String settings() {
        return "rate " + rate;
    }
}
