package org.dl4jworkbench.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImageShape;

/**
 * The size an image folder is decoded to where no network says which ({@link
 * DatasetOptions#imagesOwnSize()}): the images' own size where they all share one (32x32 for
 * CIFAR-10, so its cache is 3 KB an image, not 48 KB), scaled down to fit {@link #BOUND}
 * where larger; for images of many sizes, {@link #BOUND} square (the cats-dogs input), or
 * less where every image is smaller. Gray where every image is gray. The sizes come from an
 * earlier cache of the same files where there is one, else from the files' headers.
 */
final class OwnSize {

    /** The longest side decoded without a network to say otherwise. */
    static final int BOUND = 128;

    private OwnSize() {
    }

    /** {height, width, channels} for these files. */
    static int[] of(FolderListing listing, Path cacheDir) {
        for (FolderCache.Header h : FolderCache.headersOfAnySize(cacheDir, listing)) {
            if (h.maxHeight() > 0) {
                return rule(h.minHeight(), h.maxHeight(), h.minWidth(), h.maxWidth(), h.sourceChannels());
            }
        }
        return probe(listing.files());
    }

    /** The rule itself, from the range of the images' sizes and their most channels. */
    static int[] rule(int minHeight, int maxHeight, int minWidth, int maxWidth, int channels) {
        if (maxHeight <= 0 || maxWidth <= 0) {
            return new int[] {BOUND, BOUND, 3}; // nothing readable: decoding reports every file
        }
        if (minHeight == maxHeight && minWidth == maxWidth) {
            double scale = Math.min(1.0, (double) BOUND / Math.max(maxHeight, maxWidth));
            return new int[] {Math.max(1, (int) Math.round(maxHeight * scale)),
                Math.max(1, (int) Math.round(maxWidth * scale)), channels};
        }
        return new int[] {Math.min(BOUND, maxHeight), Math.min(BOUND, maxWidth), channels};
    }

    private static int[] probe(List<FolderListing.Entry> files) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "probe-images");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunk = Math.max(1, (files.size() + threads - 1) / threads);
            List<Future<int[]>> parts = new java.util.ArrayList<>();
            for (int from = 0; from < files.size(); from += chunk) {
                List<FolderListing.Entry> part = files.subList(from, Math.min(files.size(), from + chunk));
                parts.add(pool.submit(() -> range(part)));
            }
            int[] all = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0, 1};
            for (Future<int[]> part : parts) {
                int[] r = part.get();
                all[0] = Math.min(all[0], r[0]);
                all[1] = Math.max(all[1], r[1]);
                all[2] = Math.min(all[2], r[2]);
                all[3] = Math.max(all[3], r[3]);
                all[4] = Math.max(all[4], r[4]);
            }
            return rule(all[0], all[1], all[2], all[3], all[4]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while reading image sizes");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {minHeight, maxHeight, minWidth, maxWidth, channels} of the readable files among these. */
    private static int[] range(List<FolderListing.Entry> files) {
        int[] r = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0, 1};
        for (FolderListing.Entry e : files) {
            ImageShape shape = ImageDecoder.probe(e.path());
            if (shape != null) {
                r[0] = Math.min(r[0], shape.height());
                r[1] = Math.max(r[1], shape.height());
                r[2] = Math.min(r[2], shape.width());
                r[3] = Math.max(r[3], shape.width());
                r[4] = Math.max(r[4], shape.channels());
            }
        }
        return r;
    }
}
