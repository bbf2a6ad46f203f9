package org.dl4jworkbench.core.data.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes real image files for tests, in every kind the workbench must read: JPEG, PNG, BMP
 * and GIF; gray, RGB, RGBA, palette and 16-bit; EXIF-rotated; and broken ones. Also writes a
 * learnable two-class folder (bright discs versus stripes) standing in for cats and dogs.
 */
public final class ImageFixtures {

    private ImageFixtures() {
    }

    public static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Left half red, right half blue, top-left 4x4 corner green: tells every orientation apart. */
    public static BufferedImage asymmetric(int width, int height) {
        BufferedImage image = solid(width, height, Color.RED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    public static BufferedImage gray8(int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(data, (byte) value);
        return image;
    }

    public static BufferedImage gray16(int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((java.awt.image.DataBufferUShort) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(data, (short) value);
        return image;
    }

    /** Fully transparent left half, opaque red right half. */
    public static BufferedImage halfTransparent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? 0x00000000 : 0xFFFF0000);
            }
        }
        return image;
    }

    /** A two-colour palette image: yellow above, navy below. */
    public static BufferedImage palette(int width, int height) {
        byte[] r = {(byte) 255, 0};
        byte[] g = {(byte) 255, 0};
        byte[] b = {0, (byte) 128};
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, r, g, b));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, y < height / 2 ? 0 : 1);
            }
        }
        return image;
    }

    /** A JPEG with an EXIF APP1 segment carrying {@code orientation} (1 to 8). */
    public static byte[] jpegWithOrientation(BufferedImage image, int orientation) throws IOException {
        byte[] jpeg = encode(image, "jpg");
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0 // no next IFD
        };
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int length = exif.length + 2;
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A learnable picture of class 0 (a bright disc on a dark ground) or 1 (bright stripes). */
    public static BufferedImage pattern(int label, int width, int height, Random random) {
        Color ground = new Color(random.nextInt(60), random.nextInt(60), random.nextInt(60));
        BufferedImage image = solid(width, height, ground);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(180 + random.nextInt(76), 180 + random.nextInt(76), 100 + random.nextInt(156)));
        int size = Math.min(width, height);
        if (label == 0) {
            int d = size / 3 + random.nextInt(Math.max(1, size / 3));
            g.fillOval(random.nextInt(Math.max(1, width - d)), random.nextInt(Math.max(1, height - d)), d, d);
        } else {
            int band = Math.max(2, size / 8);
            for (int y = random.nextInt(band); y < height; y += 2 * band) {
                g.fillRect(0, y, width, band);
            }
        }
        g.dispose();
        return image;
    }

    /**
     * A two-class folder ("cats": discs, "dogs": stripes) of {@code perClass} images each, in
     * mixed formats (JPEG, PNG, BMP, GIF) and sizes (40 to 200 pixels a side, some gray),
     * plus, where {@code broken} is true, one zero-byte JPEG, one truncated JPEG, one text
     * file named like a PNG, and a notes file: 4 files to skip.
     */
    public static Path catsAndDogs(Path dir, int perClass, boolean broken, long seed) throws IOException {
        Random random = new Random(seed);
        String[] classes = {"cats", "dogs"};
        String[] formats = {"jpg", "png", "bmp", "gif"};
        for (int label = 0; label < 2; label++) {
            Path classDir = Files.createDirectories(dir.resolve(classes[label]));
            for (int i = 0; i < perClass; i++) {
                int w = 40 + random.nextInt(160);
                int h = 40 + random.nextInt(160);
                BufferedImage image = pattern(label, w, h, random);
                String format = formats[i % formats.length];
                if (i % 7 == 3) {
                    BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                    gray.createGraphics().drawImage(image, 0, 0, null);
                    image = gray;
                }
                Files.write(classDir.resolve(String.format("%s.%04d.%s", classes[label], i, format)),
                        encode(image, format));
            }
        }
        if (broken) {
            Files.write(dir.resolve("cats/empty.jpg"), new byte[0]);
            byte[] jpeg = encode(pattern(1, 120, 120, random), "jpg");
            Files.write(dir.resolve("dogs/truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
            Files.writeString(dir.resolve("dogs/not-really.png"), "this is text, not a picture");
            Files.writeString(dir.resolve("notes.txt"), "collected from the garden");
        }
        return dir;
    }
}
