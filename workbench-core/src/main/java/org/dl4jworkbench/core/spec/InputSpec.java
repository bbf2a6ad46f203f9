package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The image size the network takes: height and width in pixels, and channels (1 gray, 3 RGB). */
public record InputSpec(@JsonProperty(required = true) int height, @JsonProperty(required = true) int width,
                        @JsonProperty(required = true) int channels) {

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
