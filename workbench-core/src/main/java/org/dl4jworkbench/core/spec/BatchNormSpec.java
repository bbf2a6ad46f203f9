package org.dl4jworkbench.core.spec;

/** Batch normalization: per channel (after convolution) or per unit (after dense). */
public record BatchNormSpec(String name) implements LayerSpec {

    public static final String TYPE = "batch-norm";

    public static BatchNormSpec create() {
        return new BatchNormSpec(null);
    }

    @Override
    public BatchNormSpec withName(String newName) {
        return new BatchNormSpec(newName);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String namePrefix() {
        return "bn";
    }

    @Override
    public String settings() {
        return "per channel";
    }
}
