package org.dl4jworkbench.core.data.image;

/**
 * Turns a decoded image into the network's input bytes: resized to {@code height x width}
 * (stretched, as Keras' {@code load_img(target_size=...)} does) with an antialiased
 * bilinear filter, converted to the wanted channels (RGB to gray by ITU-R BT.601 luma, gray
 * to RGB by copying), in channel-planar order. Training and prediction both go through
 * here, so an image is seen the same way by both.
 */
public final class ImagePreprocessor {

    private ImagePreprocessor() {
    }

    public static byte[] toInput(DecodedImage image, int height, int width, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, found " + channels);
        }
        byte[] converted = convertChannels(image.pixels(), image.channels(), channels);
        byte[] resized = Resampler.resize(converted, image.width(), image.height(), channels, width, height);
        return planar(resized, width * height, channels);
    }

    private static byte[] convertChannels(byte[] pixels, int from, int to) {
        if (from == to) {
            return pixels;
        }
        int n = pixels.length / from;
        byte[] out = new byte[n * to];
        if (to == 1) {
            for (int i = 0; i < n; i++) {
                int r = pixels[i * 3] & 0xff;
                int g = pixels[i * 3 + 1] & 0xff;
                int b = pixels[i * 3 + 2] & 0xff;
                out[i] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i * 3] = out[i * 3 + 1] = out[i * 3 + 2] = pixels[i];
            }
        }
        return out;
    }

    private static byte[] planar(byte[] interleaved, int plane, int channels) {
        if (channels == 1) {
            return interleaved;
        }
        byte[] out = new byte[interleaved.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                out[c * plane + p] = interleaved[p * channels + c];
            }
        }
        return out;
    }
}
