package org.dl4jworkbench.core.data.image;

/**
 * An image as decoded from its file, upright (EXIF orientation applied): 8-bit samples,
 * interleaved row by row, 1 channel (gray) or 3 (RGB). Transparency has been composited
 * over white; 16-bit and palette images have been converted to 8-bit.
 */
public record DecodedImage(String format, int width, int height, int channels, byte[] pixels) {

    public DecodedImage {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, found " + channels);
        }
        if (pixels.length != width * height * channels) {
            throw new IllegalArgumentException(pixels.length + " bytes for " + width + "x" + height + "x" + channels);
        }
    }
}
