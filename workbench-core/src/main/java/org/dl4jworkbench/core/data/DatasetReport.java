package org.dl4jworkbench.core.data;

import java.util.List;

/**
 * What opening a dataset found beyond the images: files skipped and why, the range of the
 * original image sizes (before resizing to the network's input), and, where the source
 * provides one cheaply, a fingerprint of its files (image folders: names, sizes and times).
 */
public record DatasetReport(List<SkippedFile> skipped, int minHeight, int maxHeight, int minWidth, int maxWidth,
                            int sourceChannels, String fingerprint) {

    public DatasetReport {
        skipped = List.copyOf(skipped);
    }

    /** A dataset whose images all have one size and nothing was skipped (IDX, CIFAR-10). */
    public static DatasetReport uniform(int height, int width, int channels) {
        return new DatasetReport(List.of(), height, height, width, width, channels, null);
    }

    public boolean uniformSize() {
        return minHeight == maxHeight && minWidth == maxWidth;
    }
}
