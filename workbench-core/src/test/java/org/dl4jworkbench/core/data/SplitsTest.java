package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static ImageSet set(int... counts) {
        int n = java.util.stream.IntStream.of(counts).sum();
        int[] labels = new int[n];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                labels[i++] = c;
            }
        }
        byte[] pixels = new byte[n];
        for (int p = 0; p < n; p++) {
            pixels[p] = (byte) p;
        }
        return ImageSet.of(pixels, labels, 1, 1, 1, List.of("a", "b", "c"));
    }

    @Test
    void eachClassGivesItsShare() {
        Splits.Split split = Splits.stratified(set(100, 50, 10), 0.1, 7);
        assertThat(split.heldOut().classCounts()).containsExactly(10, 5, 1);
        assertThat(split.kept().classCounts()).containsExactly(90, 45, 9);
    }

    @Test
    void sameSeedSameSplitAndNoImageOnBothSides() {
        ImageSet s = set(30, 30, 30);
        Splits.Split a = Splits.stratified(s, 0.2, 1);
        Splits.Split b = Splits.stratified(s, 0.2, 1);
        Splits.Split c = Splits.stratified(s, 0.2, 2);
        java.util.Set<Integer> held = new java.util.HashSet<>();
        for (int i = 0; i < a.heldOut().size(); i++) {
            held.add(a.heldOut().pixel(i, 0));
            assertThat(a.heldOut().pixel(i, 0)).isEqualTo(b.heldOut().pixel(i, 0));
        }
        for (int i = 0; i < a.kept().size(); i++) {
            assertThat(held).doesNotContain(a.kept().pixel(i, 0));
        }
        boolean differs = false;
        for (int i = 0; i < a.heldOut().size(); i++) {
            differs |= a.heldOut().pixel(i, 0) != c.heldOut().pixel(i, 0);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aClassWithOneImageKeepsIt() {
        Splits.Split split = Splits.stratified(set(10, 1, 2), 0.5, 3);
        assertThat(split.kept().classCounts()).containsExactly(5, 1, 1);
    }
}
