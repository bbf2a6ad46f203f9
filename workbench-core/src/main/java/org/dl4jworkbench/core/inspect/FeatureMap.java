package org.dl4jworkbench.core.inspect;

/**
 * One channel of a layer's image-shaped output, {@code height x width}, row by row, scaled for
 * display into 0..1 with the range of the whole layer ({@link LayerOutput#low()} to
 * {@link LayerOutput#high()}), not the map's own: a weak map looks weak, and after a relu a map
 * that is all zero is black, so dead maps show as what they are. {@code allZero} says so exactly.
 */
public record FeatureMap(int channel, int height, int width, float[] pixels, boolean allZero) {

    public FeatureMap {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + height + "x" + width + " map");
        }
        pixels = pixels.clone();
    }

    @Override
    public float[] pixels() {
        return pixels.clone();
    }

    /** Pixel {@code (y, x)}, 0..1. */
    public float at(int y, int x) {
        return pixels[y * width + x];
    }
}
