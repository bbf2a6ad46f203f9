package org.dl4jworkbench.core.data;

/** Images in one heap array. */
final class ArrayPixelStore implements PixelStore {

    private final byte[] pixels;
    private final int imageSize;

    ArrayPixelStore(byte[] pixels, int imageSize) {
        if (imageSize <= 0 || pixels.length % imageSize != 0) {
            throw new IllegalArgumentException(pixels.length + " bytes is not a whole number of " + imageSize
                    + "-byte images");
        }
        this.pixels = pixels;
        this.imageSize = imageSize;
    }

    @Override
    public int count() {
        return pixels.length / imageSize;
    }

    @Override
    public int imageSize() {
        return imageSize;
    }

    @Override
    public void read(int index, byte[] dest, int offset) {
        System.arraycopy(pixels, index * imageSize, dest, offset, imageSize);
    }

    @Override
    public int get(int index, int position) {
        return pixels[index * imageSize + position] & 0xff;
    }
}
