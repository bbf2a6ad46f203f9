package org.dl4jworkbench.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stratified random splits: each class gives the same share of its images to the held-out
 * part, drawn with a seed, so a split is repeatable and keeps the class balance. Both parts
 * are views on the same pixels and keep the original order.
 */
public final class Splits {

    /** The two parts of a split. */
    public record Split(ImageSet kept, ImageSet heldOut) {
    }

    private Splits() {
    }

    /**
     * Holds out {@code share} (0 to below 1) of each class, rounded, keeping at least one image
     * of every class on the kept side.
     */
    public static Split stratified(ImageSet set, double share, long seed) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("share must be at least 0 and below 1, found " + share);
        }
        int classes = set.classNames().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < set.size(); i++) {
            byClass.get(set.label(i)).add(i);
        }
        Random random = new Random(seed);
        boolean[] held = new boolean[set.size()];
        int heldCount = 0;
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
            int n = (int) Math.round(members.size() * share);
            n = Math.min(n, Math.max(0, members.size() - 1));
            for (int k = 0; k < n; k++) {
                held[members.get(k)] = true;
            }
            heldCount += n;
        }
        int[] kept = new int[set.size() - heldCount];
        int[] out = new int[heldCount];
        int a = 0;
        int b = 0;
        for (int i = 0; i < set.size(); i++) {
            if (held[i]) {
                out[b++] = i;
            } else {
                kept[a++] = i;
            }
        }
        return new Split(set.subset(kept), set.subset(out));
    }
}
