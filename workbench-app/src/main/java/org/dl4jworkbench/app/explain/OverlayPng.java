package org.dl4jworkbench.app.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an {@link Overlay} as a PNG file (AWT: the app side, never core). */
public final class OverlayPng {

    private OverlayPng() {
    }

    public static void write(Overlay overlay, Path file) throws IOException {
        var image = new BufferedImage(overlay.width(), overlay.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, overlay.width(), overlay.height(), overlay.argb(), 0, overlay.width());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
