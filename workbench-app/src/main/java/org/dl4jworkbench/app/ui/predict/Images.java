package org.dl4jworkbench.app.ui.predict;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.dl4jworkbench.core.data.image.DecodedImage;

/** Conversions between the workbench's byte images and JavaFX images. */
public final class Images {

    private Images() {
    }

    /** A channel-planar byte image (gray or RGB) scaled up {@code zoom} times, nearest neighbour. */
    public static WritableImage fromPlanar(byte[] pixels, int height, int width, int channels, int zoom) {
        var image = new WritableImage(width * zoom, height * zoom);
        var writer = image.getPixelWriter();
        int plane = height * width;
        for (int y = 0; y < height * zoom; y++) {
            for (int x = 0; x < width * zoom; x++) {
                int p = (y / zoom) * width + x / zoom;
                int r = pixels[p] & 0xff;
                int g = channels == 3 ? pixels[plane + p] & 0xff : r;
                int b = channels == 3 ? pixels[2 * plane + p] & 0xff : r;
                writer.setArgb(x, y, 0xff000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** A pasted JavaFX image as the decoder would have made it: 8-bit RGB, alpha over white. */
    public static DecodedImage toDecoded(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = reader.getArgb(x, y);
                int a = argb >>> 24;
                int i = (y * w + x) * 3;
                rgb[i] = (byte) over(argb >> 16 & 0xff, a);
                rgb[i + 1] = (byte) over(argb >> 8 & 0xff, a);
                rgb[i + 2] = (byte) over(argb & 0xff, a);
            }
        }
        return new DecodedImage("pasted", w, h, 3, rgb);
    }

    private static int over(int v, int alpha) {
        return (v * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
