package org.dl4jworkbench.app.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Renders a {@link Chart} to PNG (Java2D, no display needed) and to SVG text. Files are written
 * to a temporary name and moved into place, so a viewer never sees half an image.
 */
public final class ChartWriter {

    private ChartWriter() {
    }

    public static BufferedImage render(Chart chart) {
        var image = new BufferedImage(chart.width(), chart.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartPainter.paint(chart, new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static String toSvg(Chart chart) {
        var canvas = new SvgCanvas(chart.width(), chart.height(), chart.title());
        ChartPainter.paint(chart, canvas);
        return canvas.finish();
    }

    public static void writePng(Chart chart, Path file) throws IOException {
        BufferedImage image = render(chart);
        Path temp = temporary(file);
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("cannot write " + file + ": this Java has no PNG writer");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void writeSvg(Chart chart, Path file) throws IOException {
        String svg = toSvg(chart);
        Path temp = temporary(file);
        try {
            Files.writeString(temp, svg, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temporary(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent.resolve("." + file.getFileName() + ".tmp");
    }
}
