package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The classifier head: a dense layer of {@code classes} units, softmax, cross-entropy loss. */
public record OutputSpec(@JsonProperty(required = true) int classes) {

    public static final String NAME = "output";
}
