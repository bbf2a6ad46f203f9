package org.dl4jworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void ticksAreRoundStepsCoveringTheData() {
        Axis axis = Axis.covering(0.047, 2.31, 6, false, false);

        assertThat(axis.step()).isEqualTo(0.5);
        assertThat(axis.ticks()).containsExactly(0, 0.5, 1.0, 1.5, 2.0, 2.5);
        assertThat(axis.label(1.5)).isEqualTo("1.5");
    }

    @Test
    void largeIterationCountsReadInThousands() {
        Axis axis = Axis.covering(0, 100_000, 6, false, false);

        assertThat(axis.label(20_000)).isEqualTo("20k");
        assertThat(axis.label(0)).isEqualTo("0");
    }

    @Test
    void percentagesAndEpochs() {
        assertThat(Axis.covering(0.9, 0.99, 6, false, true).label(0.95)).isEqualTo("95%");
        Axis epochs = Axis.covering(1, 3, 8, true, false);
        assertThat(epochs.ticks()).containsExactly(1, 2, 3);
    }

    @Test
    void aSingleValueOpensARangeAroundIt() {
        Axis axis = Axis.covering(1, 1, 8, true, false);

        assertThat(axis.min()).isLessThan(1);
        assertThat(axis.max()).isGreaterThan(1);
        assertThat(axis.ticks()).contains(1.0);
    }
}
