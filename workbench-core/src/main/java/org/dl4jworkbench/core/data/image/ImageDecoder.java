package org.dl4jworkbench.core.data.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG, PNG, BMP and GIF files (recognised by content, not by name) into
 * {@link DecodedImage}s: gray stays gray, everything else becomes 8-bit RGB, alpha is
 * composited over white, 16-bit samples keep their top 8 bits, palettes are looked up, and
 * JPEG EXIF orientation is applied. A truncated or damaged file is an
 * {@link ImageDecodeException}, never a half-gray image.
 *
 * <p>This is the one place in core that touches {@code javax.imageio} and
 * {@code java.awt.image}: they decode headless and are not UI (docs/decisions/0003).
 */
public final class ImageDecoder {

    /** Upper bound on decoded pixels, so a hostile header cannot exhaust memory. */
    static final long MAX_PIXELS = 100_000_000L;

    private ImageDecoder() {
    }

    public static DecodedImage decode(Path file) throws IOException, ImageDecodeException {
        return decode(Files.readAllBytes(file));
    }

    public static DecodedImage decode(byte[] bytes) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException("empty file (0 bytes)");
        }
        String format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new ImageDecodeException("not an image (not JPEG, PNG, BMP or GIF)");
        }
        BufferedImage image = read(bytes, format);
        DecodedImage decoded = convert(image, format);
        if (format.equals(ImageFormat.JPEG)) {
            decoded = Orientation.apply(decoded, exifOrientation(bytes));
        }
        return decoded;
    }

    /**
     * The size {@link #decode} would give, from the file's header alone (EXIF orientation
     * applied): only the first bytes are read, not the pixels. Null where the file is not an
     * image this decoder reads, or cannot be read (decoding then says why).
     */
    public static ImageShape probe(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            return null;
        }
        String format = head.length == 0 ? null : ImageFormat.sniff(head);
        if (format == null) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                var type = reader.getRawImageType(0);
                ColorModel model = type == null ? null : type.getColorModel();
                boolean gray = model != null && !(model instanceof IndexColorModel)
                        && model.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
                boolean turned = false;
                if (format.equals(ImageFormat.JPEG)) {
                    try (ImageInputStream again = ImageIO.createImageInputStream(file.toFile())) {
                        turned = exifOrientation(again) >= 5; // 5 to 8 turn by 90 degrees
                    }
                }
                return new ImageShape(turned ? w : h, turned ? h : w, gray ? 1 : 3);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage read(byte[] bytes, String format) throws ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new ImageDecodeException("no decoder for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS || pixels <= 0) {
                    throw new ImageDecodeException(format + " of " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels is too large to use (at most " + MAX_PIXELS / 1_000_000 + " megapixels)");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    // The JDK's JPEG decoder fills a truncated image with gray and only warns.
                    if (warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")) {
                        throw new ImageDecodeException("truncated " + format + " (" + warning + ")");
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String kind = e instanceof java.io.EOFException || why.contains("EOF") ? "truncated " : "damaged ";
            throw new ImageDecodeException(kind + format + " (" + why + ")", e);
        }
    }

    private static DecodedImage convert(BufferedImage image, String format) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        boolean gray = !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
        if (gray) {
            // Read samples directly: getRGB would treat 8-bit gray as linear and brighten it.
            int bits = model.getComponentSize(0);
            boolean alpha = model.hasAlpha();
            int alphaBits = alpha ? model.getComponentSize(1) : 8;
            byte[] out = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = to8(raster.getSample(x, y, 0), bits);
                    if (alpha) {
                        v = overWhite(v, to8(raster.getSample(x, y, 1), alphaBits));
                    }
                    out[y * w + x] = (byte) v;
                }
            }
            return new DecodedImage(format, w, h, 1, out);
        }
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int i = (y * w + x) * 3;
                out[i] = (byte) overWhite((argb >> 16) & 0xff, a);
                out[i + 1] = (byte) overWhite((argb >> 8) & 0xff, a);
                out[i + 2] = (byte) overWhite(argb & 0xff, a);
            }
        }
        return new DecodedImage(format, w, h, 3, out);
    }

    private static int to8(int sample, int bits) {
        return bits == 8 ? sample : bits > 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1);
    }

    private static int overWhite(int value, int alpha) {
        return (value * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    /** The EXIF orientation (1 to 8) of a JPEG, 1 where it has none or it cannot be read. */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            return exifOrientation(in);
        } catch (IOException e) {
            return 1;
        }
    }

    private static int exifOrientation(ImageInputStream in) {
        try {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, 0xFFE1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            data.read(); // the pad byte after "Exif\0"
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                    return n.intValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Damaged EXIF: the image itself may still be fine; use it as stored.
        }
        return 1;
    }
}
