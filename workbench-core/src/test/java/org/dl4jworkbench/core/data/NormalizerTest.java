package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void scaleDividesBy255() {
        float[] out = new float[2];
        Normalizer.scale().apply(new byte[] {0, (byte) 255}, 2, out, 0);
        assertThat(out).containsExactly(0f, 1f);
    }

    @Test
    void standardizeUsesEachChannelsMeanAndDeviation() {
        // two 1x2 RGB images: red plane 0 and 255, green constant 51, blue 0/0/255/255
        byte[] pixels = {0, (byte) 255, 51, 51, 0, 0, 0, (byte) 255, 51, 51, (byte) 255, (byte) 255};
        ImageSet set = ImageSet.of(pixels, new int[] {0, 1}, 1, 2, 3, List.of("a", "b"));
        Normalizer n = Normalizer.standardize(set);
        assertThat(n.mean()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(n.std()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(n.mean()[1]).isCloseTo(0.2f, within(1e-6f));
        assertThat(n.std()[1]).isEqualTo(1f); // a constant channel is centred, not divided by zero
        float[] out = new float[6];
        n.apply(new byte[] {0, (byte) 255, 51, 51, 0, (byte) 255}, 2, out, 0);
        assertThat(out[0]).isCloseTo(-1f, within(1e-5f));
        assertThat(out[1]).isCloseTo(1f, within(1e-5f));
        assertThat(out[2]).isCloseTo(0f, within(1e-3f));
        assertThat(out[4]).isCloseTo(-1f, within(1e-5f));
    }
}
