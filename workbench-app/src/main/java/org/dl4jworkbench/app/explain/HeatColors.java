package org.dl4jworkbench.app.explain;

/**
 * The colour map of heat maps: Google's "Turbo" (Mikhailov, 2019), a rainbow without jet's
 * false bands, from dark blue (nothing) through green and yellow to dark red (the most),
 * as the polynomial approximation its author published.
 */
public final class HeatColors {

    private HeatColors() {
    }

    /** The colour of {@code value} (0..1, clamped) as 0xRRGGBB. */
    public static int rgb(double value) {
        double x = Math.max(0, Math.min(1, value));
        double r = 0.13572138 + x * (4.61539260 + x * (-42.66032258 + x * (132.13108234 + x * (-152.94239396
                + x * 59.28637943))));
        double g = 0.09140261 + x * (2.19418839 + x * (4.84296658 + x * (-14.18503333 + x * (4.27729857
                + x * 2.82956604))));
        double b = 0.10667330 + x * (12.64194608 + x * (-60.58204836 + x * (110.36276771 + x * (-89.90310912
                + x * 27.34824973))));
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
