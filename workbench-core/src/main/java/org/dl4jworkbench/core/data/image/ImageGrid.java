package org.dl4jworkbench.core.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.util.AtomicFiles;

/**
 * Writes rows of network-input images (channel-planar bytes of one size) as a PNG grid,
 * each image scaled up by a whole factor so small digits stay visible, with a white gap.
 */
public final class ImageGrid {

    static final int GAP = 2;

    private ImageGrid() {
    }

    public static void writePng(List<List<byte[]>> rows, int height, int width, int channels, Path file)
            throws IOException {
        int zoom = Math.max(1, 64 / Math.max(height, width));
        int cellW = width * zoom + GAP;
        int cellH = height * zoom + GAP;
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        BufferedImage grid = new BufferedImage(Math.max(1, columns * cellW + GAP), Math.max(1, rows.size() * cellH
                + GAP), BufferedImage.TYPE_INT_RGB);
        int[] white = new int[grid.getWidth() * grid.getHeight()];
        java.util.Arrays.fill(white, 0xFFFFFF);
        grid.setRGB(0, 0, grid.getWidth(), grid.getHeight(), white, 0, grid.getWidth());
        int plane = height * width;
        for (int r = 0; r < rows.size(); r++) {
            for (int col = 0; col < rows.get(r).size(); col++) {
                byte[] image = rows.get(r).get(col);
                for (int y = 0; y < height * zoom; y++) {
                    for (int x = 0; x < width * zoom; x++) {
                        int p = (y / zoom) * width + x / zoom;
                        int red = image[p] & 0xff;
                        int green = channels == 3 ? image[plane + p] & 0xff : red;
                        int blue = channels == 3 ? image[2 * plane + p] & 0xff : red;
                        grid.setRGB(GAP + col * cellW + x, GAP + r * cellH + y, (red << 16) | (green << 8) | blue);
                    }
                }
            }
        }
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(grid, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
