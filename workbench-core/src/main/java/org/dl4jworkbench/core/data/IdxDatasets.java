package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Datasets in MNIST's IDX layout: a folder with {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte}, each raw or gzipped ({@code .gz}). The Kaggle spelling
 * ({@code train-images.idx3-ubyte}) and {@code test-} for {@code t10k-} are accepted too.
 * Class names come from {@code classes.txt} (one per line) where present, else 0..N-1.
 */
public final class IdxDatasets {

    /** The embedded default: 10,000 training and 2,000 test images of the real MNIST. */
    public static final String MNIST_MINI = "mnist-mini";
    static final String MNIST_MINI_RESOURCE = "/datasets/mnist-mini/";
    static final String CLASS_NAMES_FILE = "classes.txt";

    private IdxDatasets() {
    }

    /** Opens an IDX folder. */
    public static Dataset open(Path dir) throws IOException, InvalidDataException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException(dir + ": no such folder. An IDX dataset is a folder holding "
                    + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte (each may end in .gz).");
        }
        var trainImages = IdxReader.read(find(dir, "train", "images-idx3-ubyte"));
        var trainLabels = IdxReader.read(find(dir, "train", "labels-idx1-ubyte"));
        var testImages = IdxReader.read(find(dir, "t10k", "images-idx3-ubyte"));
        var testLabels = IdxReader.read(find(dir, "t10k", "labels-idx1-ubyte"));
        Path names = dir.resolve(CLASS_NAMES_FILE);
        List<String> classNames = Files.isRegularFile(names) ? readClassNames(names) : null;
        return build("idx:" + dir, trainImages, trainLabels, testImages, testLabels, classNames, dir.toString());
    }

    /** Opens the embedded {@value #MNIST_MINI} dataset from the classpath. */
    public static Dataset mnistMini() throws IOException, InvalidDataException {
        return build(MNIST_MINI,
                resource("train-images-idx3-ubyte.gz"), resource("train-labels-idx1-ubyte.gz"),
                resource("t10k-images-idx3-ubyte.gz"), resource("t10k-labels-idx1-ubyte.gz"),
                null, MNIST_MINI);
    }

    private static IdxReader.IdxData resource(String name) throws IOException, InvalidDataException {
        try (InputStream in = IdxDatasets.class.getResourceAsStream(MNIST_MINI_RESOURCE + name)) {
            if (in == null) {
                throw new InvalidDataException("the embedded dataset " + MNIST_MINI + " is missing " + name
                        + " from the workbench's files; rebuild the workbench");
            }
            return IdxReader.read(in, MNIST_MINI + "/" + name);
        }
    }

    private static Path find(Path dir, String split, String suffix) throws InvalidDataException {
        List<String> splits = split.equals("t10k") ? List.of("t10k", "test") : List.of(split);
        List<String> tried = new ArrayList<>();
        for (String s : splits) {
            for (String sep : List.of("-", ".")) {
                String base = s + "-" + suffix.replaceFirst("-", sep);
                for (String name : List.of(base, base + ".gz")) {
                    tried.add(name);
                    if (Files.isRegularFile(dir.resolve(name))) {
                        return dir.resolve(name);
                    }
                }
            }
        }
        throw new InvalidDataException(dir + ": missing " + tried.get(0) + " (also looked for "
                + String.join(", ", tried.subList(1, tried.size())) + ")");
    }

    static Dataset build(String name, IdxReader.IdxData trainImages, IdxReader.IdxData trainLabels,
                         IdxReader.IdxData testImages, IdxReader.IdxData testLabels, List<String> classNames,
                         String where) throws InvalidDataException {
        checkImages(trainImages, where + " training images");
        checkImages(testImages, where + " test images");
        checkLabels(trainLabels, trainImages, where + " training");
        checkLabels(testLabels, testImages, where + " test");
        if (!java.util.Arrays.equals(trainImages.dims(), 1, trainImages.dims().length,
                testImages.dims(), 1, testImages.dims().length)) {
            throw new InvalidDataException(where + ": training and test images differ in size");
        }
        int[] train = labels(trainLabels);
        int[] test = labels(testLabels);
        int maxLabel = Math.max(IntStream.of(train).max().orElse(0), IntStream.of(test).max().orElse(0));
        if (classNames == null) {
            checkEveryLabelUsed(train, maxLabel, where);
            classNames = IntStream.rangeClosed(0, Math.max(maxLabel, 1)).mapToObj(Integer::toString).toList();
        } else if (maxLabel >= classNames.size()) {
            throw new InvalidDataException(where + ": label " + maxLabel + " found but " + CLASS_NAMES_FILE
                    + " names only " + classNames.size() + " classes");
        }
        int[] dims = trainImages.dims();
        int height = dims[1];
        int width = dims[2];
        int channels = dims.length == 4 ? dims[3] : 1;
        return new Dataset(name,
                ImageSet.of(planar(trainImages.data(), height, width, channels), train, height, width, channels,
                        classNames),
                ImageSet.of(planar(testImages.data(), height, width, channels), test, height, width, channels,
                        classNames));
    }

    /**
     * Without {@code classes.txt} the classes are 0..max label; a label far beyond the others
     * (a damaged labels file) would otherwise make classes that have no images.
     */
    private static void checkEveryLabelUsed(int[] train, int maxLabel, String where) throws InvalidDataException {
        boolean[] used = new boolean[maxLabel + 1];
        for (int label : train) {
            used[label] = true;
        }
        List<Integer> missing = IntStream.rangeClosed(0, maxLabel).filter(l -> !used[l]).boxed().toList();
        if (!missing.isEmpty()) {
            throw new InvalidDataException(where + ": labels run from 0 to " + maxLabel + " but no training image has "
                    + (missing.size() == 1 ? "label " + missing.get(0) : missing.size() + " of those labels (first: "
                    + missing.get(0) + ")") + ". The labels file is damaged, or the classes are not numbered 0..N-1: "
                    + "add " + CLASS_NAMES_FILE + " naming every class, one per line");
        }
    }

    private static void checkImages(IdxReader.IdxData images, String what) throws InvalidDataException {
        if (images.dims().length != 3 && images.dims().length != 4) {
            throw new InvalidDataException(what + ": expected an IDX image file (3 dimensions: count, rows, "
                    + "columns; magic 0x00000803), found " + images.dims().length + " dimension(s)"
                    + (images.dims().length == 1 ? " (is this a labels file?)" : ""));
        }
    }

    private static void checkLabels(IdxReader.IdxData labels, IdxReader.IdxData images, String what)
            throws InvalidDataException {
        if (labels.dims().length != 1) {
            throw new InvalidDataException(what + " labels: expected an IDX label file (1 dimension, magic "
                    + "0x00000801), found " + labels.dims().length + " dimensions (is this an images file?)");
        }
        if (labels.count() != images.count()) {
            throw new InvalidDataException(what + ": " + images.count() + " images but " + labels.count()
                    + " labels; the files do not belong together");
        }
    }

    private static int[] labels(IdxReader.IdxData data) {
        int[] labels = new int[data.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.data()[i] & 0xff;
        }
        return labels;
    }

    /** IDX stores (row, column, channel); the workbench keeps (channel, row, column). */
    private static byte[] planar(byte[] hwc, int height, int width, int channels) {
        if (channels == 1) {
            return hwc;
        }
        int size = height * width * channels;
        byte[] chw = new byte[hwc.length];
        for (int base = 0; base < hwc.length; base += size) {
            for (int p = 0; p < height * width; p++) {
                for (int c = 0; c < channels; c++) {
                    chw[base + c * height * width + p] = hwc[base + p * channels + c];
                }
            }
        }
        return chw;
    }

    static List<String> readClassNames(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
