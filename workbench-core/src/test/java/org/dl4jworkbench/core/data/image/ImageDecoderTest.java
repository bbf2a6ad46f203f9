package org.dl4jworkbench.core.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "gif"})
    void losslessFormatsDecodeToExactColours(String format) throws Exception {
        DecodedImage image = ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.solid(7, 5, new Color(200, 10, 0)),
                format));
        assertThat(image.width()).isEqualTo(7);
        assertThat(image.height()).isEqualTo(5);
        assertThat(image.channels()).isEqualTo(3);
        assertThat(Arrays.copyOf(image.pixels(), 3)).containsExactly((byte) 200, (byte) 10, (byte) 0);
    }

    @Test
    void jpegDecodesCloseToItsColours() throws Exception {
        DecodedImage image = ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.solid(16, 16, new Color(30, 120,
                220)), "jpg"));
        assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(image.pixels()[0] & 0xff).isBetween(20, 40);
        assertThat(image.pixels()[1] & 0xff).isBetween(110, 130);
        assertThat(image.pixels()[2] & 0xff).isBetween(210, 230);
    }

    @Test
    void grayStaysGrayWithItsOwnValues() throws Exception {
        DecodedImage image = ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.gray8(4, 4, 77), "png"));
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.pixels()[0] & 0xff).isEqualTo(77); // not brightened as linear gray would be
    }

    @Test
    void sixteenBitGrayKeepsItsTopEightBits() throws Exception {
        DecodedImage image = ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.gray16(4, 4, 0xABCD), "png"));
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.pixels()[0] & 0xff).isEqualTo(0xAB);
    }

    @Test
    void transparencyIsCompositedOverWhite() throws Exception {
        DecodedImage image = ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.halfTransparent(4, 2), "png"));
        assertThat(Arrays.copyOfRange(image.pixels(), 0, 3)).containsExactly((byte) 255, (byte) 255, (byte) 255);
        assertThat(Arrays.copyOfRange(image.pixels(), 9, 12)).containsExactly((byte) 255, (byte) 0, (byte) 0);
    }

    @Test
    void paletteColoursAreLookedUp() throws Exception {
        DecodedImage image = ImageDecoder.decode(ImageFixtures.encode(ImageFixtures.palette(4, 4), "png"));
        assertThat(image.channels()).isEqualTo(3);
        assertThat(Arrays.copyOfRange(image.pixels(), 0, 3)).containsExactly((byte) 255, (byte) 255, (byte) 0);
        int last = image.pixels().length - 3;
        assertThat(Arrays.copyOfRange(image.pixels(), last, last + 3)).containsExactly((byte) 0, (byte) 0, (byte) 128);
    }

    @Test
    void exifOrientationTurnsThePhotoUpright() throws Exception {
        var stored = ImageFixtures.asymmetric(40, 20); // wide: red left, blue right, green corner top-left
        DecodedImage upright = ImageDecoder.decode(ImageFixtures.jpegWithOrientation(stored, 1));
        assertThat(upright.width()).isEqualTo(40);

        // 6: the camera was turned clockwise; shown upright the image is tall, the stored left
        // (red) side on top and the stored top-left corner at the top right.
        DecodedImage six = ImageDecoder.decode(ImageFixtures.jpegWithOrientation(stored, 6));
        assertThat(six.width()).isEqualTo(20);
        assertThat(six.height()).isEqualTo(40);
        assertThat(rgb(six, 10, 5)).satisfies(c -> assertThat(c.getRed()).isGreaterThan(200));
        assertThat(rgb(six, 10, 35)).satisfies(c -> assertThat(c.getBlue()).isGreaterThan(200));
        assertThat(rgb(six, 18, 1)).satisfies(c -> assertThat(c.getGreen()).isGreaterThan(150));

        DecodedImage eight = ImageDecoder.decode(ImageFixtures.jpegWithOrientation(stored, 8));
        assertThat(rgb(eight, 10, 5)).satisfies(c -> assertThat(c.getBlue()).isGreaterThan(200));
        assertThat(rgb(eight, 1, 38)).satisfies(c -> assertThat(c.getGreen()).isGreaterThan(150));
    }

    @Test
    void brokenFilesSayWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[0])).hasMessage("empty file (0 bytes)");
        assertThatThrownBy(() -> ImageDecoder.decode("hello".getBytes()))
                .hasMessage("not an image (not JPEG, PNG, BMP or GIF)");
        byte[] jpeg = ImageFixtures.encode(ImageFixtures.asymmetric(200, 200), "jpg");
        assertThatThrownBy(() -> ImageDecoder.decode(Arrays.copyOf(jpeg, jpeg.length / 2)))
                .isInstanceOf(ImageDecodeException.class).hasMessageStartingWith("truncated JPEG");
        byte[] png = ImageFixtures.encode(ImageFixtures.asymmetric(200, 200), "png");
        assertThatThrownBy(() -> ImageDecoder.decode(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("PNG");
    }

    private static Color rgb(DecodedImage image, int x, int y) {
        int i = (y * image.width() + x) * 3;
        return new Color(image.pixels()[i] & 0xff, image.pixels()[i + 1] & 0xff, image.pixels()[i + 2] & 0xff);
    }

    @Test
    void probeGivesTheDecodedSizeFromTheHeaderAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var png = dir.resolve("a.png");
        java.nio.file.Files.write(png, ImageFixtures.encode(ImageFixtures.asymmetric(40, 30), "png"));
        assertThat(ImageDecoder.probe(png)).isEqualTo(new ImageShape(30, 40, 3));
        var gray = dir.resolve("g.png");
        java.nio.file.Files.write(gray, ImageFixtures.encode(ImageFixtures.gray8(20, 10, 90), "png"));
        assertThat(ImageDecoder.probe(gray)).isEqualTo(new ImageShape(10, 20, 1));
        var turned = dir.resolve("t.jpg"); // EXIF 6: stored 40 wide, 30 high; upright 30 wide
        java.nio.file.Files.write(turned, ImageFixtures.jpegWithOrientation(ImageFixtures.asymmetric(40, 30), 6));
        assertThat(ImageDecoder.probe(turned)).isEqualTo(new ImageShape(40, 30, 3));
        var text = dir.resolve("notes.png");
        java.nio.file.Files.writeString(text, "not an image");
        assertThat(ImageDecoder.probe(text)).isNull();
    }
}
