package org.dl4jworkbench.core.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How to open a dataset: the image size to decode image folders to ({@code height x width x
 * channels}; fixed-size formats ignore it; all three 0 for the images' own size, see
 * {@link #imagesOwnSize()}), where the decode cache lives, where to report
 * progress and how to learn that the user cancelled.
 */
public record DatasetOptions(int height, int width, int channels, Path cacheDir, Progress progress,
                             BooleanSupplier cancelled) {

    /** Receives progress from a loading thread; must return quickly. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> {
        };

        /** {@code done} of {@code total} units of {@code phase} ("decoding", "reading cache", ...). */
        void update(String phase, long done, long total);
    }

    public DatasetOptions {
        Objects.requireNonNull(cacheDir, "cacheDir");
        progress = Objects.requireNonNullElse(progress, Progress.NONE);
        cancelled = Objects.requireNonNullElse(cancelled, () -> false);
    }

    /** Decoding to 128x128x3 (the cats-dogs template's input), the default cache, no progress. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(128, 128, 3, WorkbenchDirs.cache(), null, null);
    }

    /**
     * Decoding image folders at the images' own size where they share one (bounded to 128
     * pixels a side), else at most 128x128: for looking at a folder when no network says
     * what size it needs.
     */
    public DatasetOptions imagesOwnSize() {
        return withSize(0, 0, 0);
    }

    /** Whether image folders decode at the images' own size ({@link #imagesOwnSize()}). */
    public boolean ownSize() {
        return height == 0 && width == 0 && channels == 0;
    }

    public DatasetOptions withSize(int newHeight, int newWidth, int newChannels) {
        return new DatasetOptions(newHeight, newWidth, newChannels, cacheDir, progress, cancelled);
    }

    public DatasetOptions withProgress(Progress newProgress) {
        return new DatasetOptions(height, width, channels, cacheDir, newProgress, cancelled);
    }

    public DatasetOptions withCacheDir(Path newCacheDir) {
        return new DatasetOptions(height, width, channels, newCacheDir, progress, cancelled);
    }

    public DatasetOptions withCancellation(BooleanSupplier newCancelled) {
        return new DatasetOptions(height, width, channels, cacheDir, progress, newCancelled);
    }
}
