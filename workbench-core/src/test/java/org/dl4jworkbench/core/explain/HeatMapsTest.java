package org.dl4jworkbench.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeatMapsTest {

    /** LeNet's last convolution: 8x8 cells, centred 2 pixels apart on the middle 14 of 28. */
    private static final Geometry LENET_CONV2 = new Geometry(7, 2, 7, 2);

    private static HeatMaps.Map2d oneHotCell(int row, int column) {
        float[] cells = new float[64];
        cells[row * 8 + column] = 1;
        return new HeatMaps.Map2d(8, 8, cells);
    }

    @Test
    void aCellsValueSitsAtTheCentreOfItsReceptiveField() {
        HeatMaps.Map2d map = HeatMaps.resize(oneHotCell(3, 5), 28, 28, LENET_CONV2);

        // cell (3, 5) is centred at input coordinate (7 + 2*3, 7 + 2*5) = (13, 17): pixels 12..13 and 16..17 around it
        float peak = 0;
        int peakAt = -1;
        for (int i = 0; i < map.values().length; i++) {
            if (map.values()[i] > peak) {
                peak = map.values()[i];
                peakAt = i;
            }
        }
        assertThat(peak).isCloseTo(0.5625f, within(1e-5f)); // (3/4)^2: the pixel centres lie a quarter cell from it
        assertThat(peakAt / 28).isBetween(12, 13);
        assertThat(peakAt % 28).isBetween(16, 17);
    }

    @Test
    void beyondTheOutermostCellsAnUnpaddedLayersMapFadesToTheBorderInsteadOfStreaking() {
        // the top-left corner cell is hot: clamping would paint the whole 7-pixel margin with it
        HeatMaps.Map2d map = HeatMaps.resize(oneHotCell(0, 0), 28, 28, LENET_CONV2);
        float[] v = map.values();

        assertThat(v[7 * 28 + 7]).isGreaterThan(0.5f); // at the cell's centre
        assertThat(v[7 * 28 + 5]).isGreaterThan(v[7 * 28 + 2]); // fading towards the border...
        assertThat(v[7 * 28 + 2]).isGreaterThan(v[7 * 28]);
        assertThat(v[7 * 28]).isLessThan(0.1f); // ...and nearly gone at it
        assertThat(v[0]).isLessThan(0.01f);
        float[] farSide = Arrays.copyOfRange(v, 27 * 28, 28 * 28); // the opposite border row: nothing there
        for (float f : farSide) {
            assertThat(f).isZero();
        }
    }

    @Test
    void aSamePaddedMapKeepsItsEdgeValueOutToTheBorder() {
        // 'same' padding: 4 cells spread evenly over 28 pixels, the margin only half a cell
        HeatMaps.Map2d cells = new HeatMaps.Map2d(4, 4, new float[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        HeatMaps.Map2d map = HeatMaps.resize(cells, 28, 28, Geometry.stretched(28, 28, 4, 4));

        assertThat(map.values()[0]).isEqualTo(1f);
        assertThat(map.values()[27]).isEqualTo(1f);
    }
}
