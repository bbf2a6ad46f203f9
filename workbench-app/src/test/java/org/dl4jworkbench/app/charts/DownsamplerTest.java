package org.dl4jworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void keepsAtMostFourPointsPerColumnAndEverySpike() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 500.0);
        }
        y[31_337] = 25;
        y[77_000] = -25;

        double[][] reduced = Downsampler.reduce(x, y, 0, n, 500);

        assertThat(reduced[0].length).isLessThanOrEqualTo(4 * 501);
        assertThat(Arrays.stream(reduced[1]).max().orElseThrow()).isEqualTo(25);
        assertThat(Arrays.stream(reduced[1]).min().orElseThrow()).isEqualTo(-25);
        assertThat(reduced[0][0]).isZero();
        assertThat(reduced[0][reduced[0].length - 1]).isEqualTo(n - 1);
        for (int i = 1; i < reduced[0].length; i++) {
            assertThat(reduced[0][i]).isGreaterThan(reduced[0][i - 1]);
        }
    }

    @Test
    void dropsPointsThatCannotBeDrawn() {
        double[][] reduced = Downsampler.reduce(new double[] {1, 2, 3, 4}, new double[] {0.5, Double.NaN, 0.4,
            Double.POSITIVE_INFINITY}, 0, 4, 100);

        assertThat(reduced[0]).containsExactly(1, 3);
        assertThat(reduced[1]).containsExactly(0.5, 0.4);
    }
}
