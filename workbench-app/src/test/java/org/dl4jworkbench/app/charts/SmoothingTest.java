package org.dl4jworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    @Test
    void startsAtTheFirstValueInsteadOfRisingFromZero() {
        double[] smoothed = Smoothing.ema(new double[] {2.0, 2.0, 2.0}, 50);

        assertThat(smoothed).containsExactly(new double[] {2.0, 2.0, 2.0}, offset(1e-12));
    }

    @Test
    void skipsValuesThatWereNotMeasured() {
        double[] smoothed = Smoothing.ema(new double[] {1.0, Double.NaN, 3.0}, 1);

        assertThat(smoothed[1]).isNaN();
        assertThat(smoothed[2]).isEqualTo(3.0);
    }

    @Test
    void theSpanGrowsWithTheRunWithinBounds() {
        assertThat(Smoothing.spanFor(100)).isEqualTo(10);
        assertThat(Smoothing.spanFor(5_000)).isEqualTo(200);
        assertThat(Smoothing.spanFor(1_000_000)).isEqualTo(2000);
    }
}
