package org.dl4jworkbench.core.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a layer's output for one image is flagged. The thresholds are rules of thumb, not
 * laws: one image can switch off most of a healthy relu layer's units, so a flag says "look
 * at this layer", and its reason gives the numbers.
 */
final class Flags {

    /** Dead: more than this share of the outputs exactly zero. */
    static final double DEAD_ZERO_SHARE = 0.9;
    /** Dead: at least this share of the feature maps zero everywhere. */
    static final double DEAD_MAP_SHARE = 0.5;
    /** Saturated: more than this share of sigmoid or tanh outputs within {@link #NEAR} of a bound. */
    static final double SATURATED_SHARE = 0.9;
    static final double NEAR = 0.01;
    /** Saturated softmax: the top class's probability at least this (it shows as 100.0%). */
    static final double ONE_HOT = 0.9999;

    private Flags() {
    }

    static List<LayerFlag> of(String activation, LayerStats stats, float[] values, List<String> labels) {
        List<LayerFlag> flags = new ArrayList<>();
        if (stats.count() > 0 && stats.zeroShare() == 1.0) {
            flags.add(new LayerFlag(LayerFlag.Kind.DEAD, "every output is exactly zero for this image: the layers "
                    + "after it see nothing of it"));
        } else if (stats.zeroShare() > DEAD_ZERO_SHARE) {
            flags.add(new LayerFlag(LayerFlag.Kind.DEAD, String.format(Locale.ROOT, "%.1f%% of the outputs are "
                    + "exactly zero for this image (more than %.0f%%)", stats.zeroShare() * 100,
                    DEAD_ZERO_SHARE * 100)));
        } else if (stats.maps() > 0 && stats.zeroMaps() >= DEAD_MAP_SHARE * stats.maps()) {
            flags.add(new LayerFlag(LayerFlag.Kind.DEAD, String.format(Locale.ROOT, "%d of %d feature maps are zero "
                    + "everywhere for this image", stats.zeroMaps(), stats.maps())));
        }
        switch (activation) {
            case "sigmoid" -> saturated(values, 0, 1, "sigmoid", flags);
            case "tanh" -> saturated(values, -1, 1, "tanh", flags);
            case "softmax" -> oneHot(values, labels, flags);
            default -> { }
        }
        return flags;
    }

    private static void saturated(float[] values, double low, double high, String name, List<LayerFlag> flags) {
        long near = 0;
        for (float v : values) {
            if (v <= low + NEAR || v >= high - NEAR) {
                near++;
            }
        }
        double share = values.length == 0 ? 0 : (double) near / values.length;
        if (share > SATURATED_SHARE) {
            flags.add(new LayerFlag(LayerFlag.Kind.SATURATED, String.format(Locale.ROOT, "%.1f%% of the %s outputs are "
                    + "within %.2f of %s or %s, where its gradient all but vanishes", share * 100, name, NEAR,
                    fmt(low), fmt(high))));
        }
    }

    private static void oneHot(float[] values, List<String> labels, List<LayerFlag> flags) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        if (values.length > 1 && values[best] >= ONE_HOT) {
            String name = best < labels.size() ? "'" + labels.get(best) + "'" : "class " + best;
            flags.add(new LayerFlag(LayerFlag.Kind.SATURATED, String.format(Locale.ROOT, "the output is one-hot: "
                    + "%.3f%% on %s; certain, right or wrong, and an image like this teaches it almost nothing more",
                    values[best] * 100, name)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
