package org.dl4jworkbench.core.data;

import java.util.List;

/**
 * What opening a dataset found beyond the images: files skipped and why, and the range of
 * the original image sizes (before resizing to the network's input).
 */
public record DatasetReport(List<SkippedFile> skipped, int minHeight, int maxHeight, int minWidth, int maxWidth,
                            int sourceChannels) {

    public DatasetReport {
        skipped = List.copyOf(skipped);
    }

    /** A dataset whose images all have one size and nothing was skipped (IDX, CIFAR-10). */
    public static DatasetReport uniform(int height, int width, int channels) {
        return new DatasetReport(List.of(), height, height, width, width, channels);
    }

    public boolean uniformSize() {
        return minHeight == maxHeight && minWidth == maxWidth;
    }
}
