package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A fully connected layer; an image-shaped input is flattened first. */
public record DenseSpec(String name, @JsonProperty(required = true) int units, Activation activation) implements LayerSpec {

    public static final String TYPE = "dense";

    public DenseSpec {
        activation = Objects.requireNonNullElse(activation, Activation.RELU);
    }

    public static DenseSpec of(int units, Activation activation) {
        return new DenseSpec(null, units, activation);
    }

    public DenseSpec withUnits(int newUnits) {
        return new DenseSpec(name, newUnits, activation);
    }

    public DenseSpec withActivation(Activation newActivation) {
        return new DenseSpec(name, units, newActivation);
    }

    @Override
    public DenseSpec withName(String newName) {
        return new DenseSpec(newName, units, activation);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String namePrefix() {
        return "dense";
    }

    @Override
    public String settings() {
        return units + " units, " + activation.id();
    }
}
