package org.dl4jworkbench.core.data.image;

/** An image file's size as it will decode (upright): height, width, and 1 (gray) or 3 channels. */
public record ImageShape(int height, int width, int channels) {
}
