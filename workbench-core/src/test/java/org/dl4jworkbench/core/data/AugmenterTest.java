package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static byte[] ramp(int h, int w) {
        byte[] image = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image[y * w + x] = (byte) (x * 10);
            }
        }
        return image;
    }

    @Test
    void noAugmentationLeavesTheImageAlone() {
        byte[] image = ramp(6, 8);
        assertThat(new Augmenter(AugmentationSpec.NONE).apply(image, 6, 8, 1, new Random(1))).isEqualTo(image);
        assertThat(new Augmenter(AugmentationSpec.NONE).isIdentity()).isTrue();
    }

    @Test
    void aFlipMirrorsEachRow() {
        var flipOnly = new Augmenter(new AugmentationSpec(true, 0, 0, 0));
        byte[] image = ramp(3, 8);
        Random random = new Random(0);
        boolean sawFlip = false;
        for (int i = 0; i < 10; i++) {
            byte[] out = flipOnly.apply(image, 3, 8, 1, random);
            if (out[0] != image[0]) {
                sawFlip = true;
                for (int x = 0; x < 8; x++) {
                    assertThat(out[x]).isEqualTo(image[7 - x]);
                }
            } else {
                assertThat(out).isEqualTo(image);
            }
        }
        assertThat(sawFlip).isTrue();
    }

    @Test
    void sameSeedSameChangesAndTheSizeStays() {
        var augmenter = new Augmenter(new AugmentationSpec(true, 20, 0.1, 0.2));
        byte[] image = ramp(16, 16);
        byte[] a = augmenter.apply(image, 16, 16, 1, new Random(5));
        byte[] b = augmenter.apply(image, 16, 16, 1, new Random(5));
        byte[] c = augmenter.apply(image, 16, 16, 1, new Random(6));
        assertThat(a).isEqualTo(b).hasSize(256).isNotEqualTo(c);
    }
}
