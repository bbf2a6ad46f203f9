package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.data.image.ImagePreprocessor;

/**
 * Image-folder datasets ({@code folder:DIR}): one subfolder of images per class, optionally
 * under {@code train/} and {@code test/}. Images of any size and kind are decoded once, in
 * parallel, to the requested input size into the decode cache ({@link FolderCache}); the
 * dataset's images are then memory-mapped from it ({@link DatasetOptions#imagesOwnSize()}:
 * at the images' own size, {@link OwnSize}). A file that cannot be used is skipped
 * and reported; a fault in the folder's structure refuses the dataset.
 */
public final class ImageFolders {

    /** Share of each class held out for testing where the folder has no {@code test/} tree. */
    public static final double TEST_SHARE = 0.2;
    /** Seed of that split, fixed so the test images stay the same from run to run. */
    public static final long TEST_SEED = 42;

    private ImageFolders() {
    }

    /**
     * @throws CancellationException where {@code options.cancelled()} turns true while decoding
     */
    public static Dataset open(Path dir, DatasetOptions options) throws IOException, InvalidDataException {
        FolderListing listing = FolderListing.scan(dir);
        if (options.ownSize()) {
            int[] size = OwnSize.of(listing, options.cacheDir());
            options = options.withSize(size[0], size[1], size[2]);
        }
        Path cache = FolderCache.file(options.cacheDir(), listing, options.height(), options.width(),
                options.channels());
        FolderCache.Header header = FolderCache.readHeader(cache);
        if (header == null) {
            header = decode(listing, cache, options);
            CacheFolder.evict(options.cacheDir(), CacheFolder.limit(), cache);
        } else {
            CacheFolder.touch(cache);
            options.progress().update("reading cache", listing.files().size(), listing.files().size());
        }
        return dataset(dir, listing, cache, header);
    }

    private static Dataset dataset(Path dir, FolderListing listing, Path cache, FolderCache.Header h)
            throws IOException, InvalidDataException {
        checkEveryClassHasImages(dir, h);
        int imageSize = h.height() * h.width() * h.channels();
        var store = new MappedPixelStore(cache, FolderCache.PIXELS_OFFSET, h.labels().length, imageSize);
        int[] train = IntStream.range(0, h.labels().length).filter(i -> h.labels()[i] >= 0 && !h.test()[i]).toArray();
        int[] test = IntStream.range(0, h.labels().length).filter(i -> h.labels()[i] >= 0 && h.test()[i]).toArray();
        // The cache holds one slot per listed file, in the listing's order: name the images by their files.
        List<String> names = listing.files().size() == h.labels().length
                ? listing.files().stream().map(FolderListing.Entry::relative).toList() : null;
        ImageSet trainSet = ImageSet.view(store, h.labels(), train, h.height(), h.width(), h.channels(),
                h.classNames());
        trainSet = names == null ? trainSet : trainSet.withSources(names);
        ImageSet testSet;
        if (listing.hasTestTree()) {
            testSet = ImageSet.view(store, h.labels(), test, h.height(), h.width(), h.channels(), h.classNames());
            testSet = names == null ? testSet : testSet.withSources(names);
        } else {
            Splits.Split split = Splits.stratified(trainSet, TEST_SHARE, TEST_SEED);
            trainSet = split.kept();
            testSet = split.heldOut();
        }
        String name = cache.getFileName().toString();
        var report = new DatasetReport(h.skipped(), h.minHeight(), h.maxHeight(), h.minWidth(), h.maxWidth(),
                h.sourceChannels(), "files:" + name.substring(name.lastIndexOf('-') + 1, name.lastIndexOf('.')));
        return new Dataset("folder:" + dir, trainSet, testSet, report, true);
    }

    private static void checkEveryClassHasImages(Path dir, FolderCache.Header h) throws InvalidDataException {
        int[] counts = new int[h.classNames().size()];
        for (int i = 0; i < h.labels().length; i++) {
            if (h.labels()[i] >= 0 && !h.test()[i]) {
                counts[h.labels()[i]]++;
            }
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                String name = h.classNames().get(c);
                String example = h.skipped().stream().filter(s -> s.path().contains(name + "/")).findFirst()
                        .map(s -> " (e.g. " + s + ")").orElse("");
                throw new InvalidDataException(dir + ": class '" + name + "' has no usable training images: every "
                        + "file was skipped" + example + ". Add readable JPEG, PNG, BMP or GIF images to it");
            }
        }
    }

    private static FolderCache.Header decode(FolderListing listing, Path cache, DatasetOptions options)
            throws IOException {
        List<FolderListing.Entry> files = listing.files();
        int n = files.size();
        int imageSize = options.height() * options.width() * options.channels();
        int[] labels = new int[n];
        boolean[] test = new boolean[n];
        String[] problems = new String[n];
        int[][] sizes = new int[n][];
        Path temporary = cache.resolveSibling(cache.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "decode-images");
            t.setDaemon(true);
            return t;
        });
        boolean finished = false;
        try (FileChannel channel = FolderCache.create(temporary)) {
            List<Future<?>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int slot = i;
                tasks.add(pool.submit(() -> {
                    if (options.cancelled().getAsBoolean()) {
                        throw new CancellationException("cancelled while decoding images");
                    }
                    FolderListing.Entry entry = files.get(slot);
                    test[slot] = entry.test();
                    labels[slot] = -1;
                    byte[] bytes = null;
                    try {
                        bytes = Files.readAllBytes(entry.path());
                    } catch (java.nio.file.AccessDeniedException e) {
                        problems[slot] = "cannot read: permission denied";
                    } catch (IOException e) {
                        problems[slot] = "cannot read: " + e.getMessage();
                    }
                    if (bytes != null) {
                        try {
                            DecodedImage image = ImageDecoder.decode(bytes);
                            sizes[slot] = new int[] {image.height(), image.width(), image.channels()};
                            FolderCache.writeSlot(channel, slot, ImagePreprocessor.toInput(image, options.height(),
                                    options.width(), options.channels()));
                            labels[slot] = entry.label();
                        } catch (ImageDecodeException e) {
                            problems[slot] = e.getMessage();
                        }
                    }
                    options.progress().update("decoding images", done.incrementAndGet(), n);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                await(task);
            }
            var header = header(listing, options, labels, test, problems, sizes);
            FolderCache.finish(channel, temporary, cache, header, n, imageSize);
            finished = true;
            return header;
        } finally {
            pool.shutdownNow();
            if (!finished) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static FolderCache.Header header(FolderListing listing, DatasetOptions options, int[] labels,
                                             boolean[] test, String[] problems, int[][] sizes) {
        List<SkippedFile> skipped = new ArrayList<>(listing.skipped());
        int minH = Integer.MAX_VALUE;
        int maxH = 0;
        int minW = Integer.MAX_VALUE;
        int maxW = 0;
        int channels = 1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                skipped.add(new SkippedFile(listing.files().get(i).relative(), problems[i]));
            } else {
                minH = Math.min(minH, sizes[i][0]);
                maxH = Math.max(maxH, sizes[i][0]);
                minW = Math.min(minW, sizes[i][1]);
                maxW = Math.max(maxW, sizes[i][1]);
                channels = Math.max(channels, sizes[i][2]);
            }
        }
        if (maxH == 0) {
            minH = minW = 0;
        }
        return new FolderCache.Header(FolderCache.FORMAT, listing.root().toString(), options.height(),
                options.width(), options.channels(), listing.classNames(), labels, test, skipped, minH, maxH, minW,
                maxW, channels);
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while decoding images");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException c) {
                throw c;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }
}
