package org.dl4jworkbench.core.analysis;

/** What a dataset offers a network: image size, channels, class count, and its name for messages. */
public record DataShape(String name, int height, int width, int channels, int classes) {
}
