package org.dl4jworkbench.core.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    @Test
    void resizingAFlatImageKeepsItFlat() {
        byte[] pixels = new byte[50 * 30 * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) 200;
            pixels[i + 1] = 100;
            pixels[i + 2] = 10;
        }
        byte[] input = ImagePreprocessor.toInput(new DecodedImage("PNG", 50, 30, 3, pixels), 8, 8, 3);
        assertThat(input).hasSize(3 * 64);
        for (int p = 0; p < 64; p++) {
            assertThat(input[p] & 0xff).isEqualTo(200); // red plane first
            assertThat(input[64 + p] & 0xff).isEqualTo(100);
            assertThat(input[128 + p] & 0xff).isEqualTo(10);
        }
    }

    @Test
    void shrinkingAveragesInsteadOfSkippingPixels() {
        byte[] checker = new byte[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                checker[y * 64 + x] = (byte) ((x + y) % 2 == 0 ? 255 : 0);
            }
        }
        byte[] input = ImagePreprocessor.toInput(new DecodedImage("PNG", 64, 64, 1, checker), 8, 8, 1);
        for (byte b : input) {
            assertThat(b & 0xff).isBetween(120, 136);
        }
    }

    @Test
    void colourBecomesLumaAndGrayBecomesThreeEqualPlanes() {
        byte[] red = {(byte) 255, 0, 0};
        assertThat(ImagePreprocessor.toInput(new DecodedImage("PNG", 1, 1, 3, red), 1, 1, 1)[0] & 0xff).isEqualTo(76);
        byte[] gray = {(byte) 90};
        assertThat(ImagePreprocessor.toInput(new DecodedImage("PNG", 1, 1, 1, gray), 2, 2, 3))
                .containsOnly((byte) 90);
    }
}
