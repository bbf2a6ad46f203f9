package org.dl4jworkbench.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary version of CIFAR-10 ({@code cifar10:DIR}): {@code data_batch_1.bin} ..
 * {@code data_batch_5.bin} for training and {@code test_batch.bin}, each a sequence of
 * 3073-byte records: one label byte, then 32x32 red, 32x32 green and 32x32 blue bytes (row
 * by row). That is already the channel-planar order of {@link ImageSet}, so the pixels are
 * read straight into place. The files may also lie in {@code DIR/cifar-10-batches-bin/},
 * which is how the official {@code cifar-10-binary.tar.gz} unpacks. Class names come from
 * {@code batches.meta.txt} where present.
 */
public final class Cifar10Reader {

    public static final int SIZE = 32;
    public static final int CHANNELS = 3;
    public static final int IMAGE_BYTES = SIZE * SIZE * CHANNELS;
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    /** Records in each official batch file. */
    public static final int OFFICIAL_BATCH_RECORDS = 10_000;
    /** The folder the official archive unpacks to. */
    public static final String SUBFOLDER = "cifar-10-batches-bin";
    public static final List<String> TRAIN_BATCHES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_BATCH = "test_batch.bin";
    public static final String CLASS_NAMES_FILE = "batches.meta.txt";
    /** CIFAR-10's classes in label order, used where {@code batches.meta.txt} is absent. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private static final String HOW_TO_GET = "Unpack the binary version (cifar-10-binary.tar.gz from "
            + "https://www.cs.toronto.edu/~kriz/cifar.html) there, or run ./workbench datasets download cifar10.";

    private Cifar10Reader() {
    }

    public static Dataset open(Path dir) throws IOException, InvalidDataException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException(dir + ": no such folder. A CIFAR-10 dataset is a folder holding "
                    + "data_batch_1.bin .. data_batch_5.bin and test_batch.bin (or the folder " + SUBFOLDER
                    + " holding them). " + HOW_TO_GET);
        }
        Path batches = batchFolder(dir);
        List<Path> trainFiles = new ArrayList<>();
        for (String name : TRAIN_BATCHES) {
            if (Files.isRegularFile(batches.resolve(name))) {
                trainFiles.add(batches.resolve(name));
            }
        }
        if (trainFiles.isEmpty()) {
            throw new InvalidDataException(dir + ": no training batches: expected data_batch_1.bin .. "
                    + "data_batch_5.bin (at least one) in " + dir + " or in " + dir.resolve(SUBFOLDER)
                    + ", found none. " + HOW_TO_GET);
        }
        Path testFile = batches.resolve(TEST_BATCH);
        if (!Files.isRegularFile(testFile)) {
            throw new InvalidDataException(batches + ": missing " + TEST_BATCH + " (the test images; found "
                    + trainFiles.size() + " training batch(es) beside it). " + HOW_TO_GET);
        }
        Path namesFile = batches.resolve(CLASS_NAMES_FILE);
        List<String> classNames = Files.isRegularFile(namesFile) ? IdxDatasets.readClassNames(namesFile)
                : CLASS_NAMES;
        String namesSource = Files.isRegularFile(namesFile) ? namesFile.toString() : null;
        return new Dataset("cifar10:" + dir,
                read(trainFiles, classNames, namesSource),
                read(List.of(testFile), classNames, namesSource));
    }

    /** The folder itself where it holds batch files, else its {@value #SUBFOLDER} where that exists. */
    private static Path batchFolder(Path dir) {
        boolean here = Files.isRegularFile(dir.resolve(TEST_BATCH))
                || TRAIN_BATCHES.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
        return !here && Files.isDirectory(dir.resolve(SUBFOLDER)) ? dir.resolve(SUBFOLDER) : dir;
    }

    /** Reads the records of {@code files}, in order, into one set; pixels go straight into place. */
    private static ImageSet read(List<Path> files, List<String> classNames, String namesSource)
            throws IOException, InvalidDataException {
        long total = 0;
        for (Path file : files) {
            total += recordCount(file);
        }
        if (total * IMAGE_BYTES > IdxReader.MAX_BYTES) {
            throw new InvalidDataException(files.get(0).getParent() + ": " + total + " images are more than the "
                    + "2 GB one set can hold; is this CIFAR-10?");
        }
        byte[] pixels = new byte[(int) total * IMAGE_BYTES];
        int[] labels = new int[(int) total];
        int index = 0;
        for (Path file : files) {
            long count = recordCount(file);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                for (int record = 0; record < count; record++, index++) {
                    int label = in.read();
                    int read = in.readNBytes(pixels, index * IMAGE_BYTES, IMAGE_BYTES);
                    if (label < 0 || read < IMAGE_BYTES) {
                        throw new InvalidDataException(file + ": the file ended inside record " + (record + 1)
                                + " (it changed while being read?); download it again");
                    }
                    if (label >= classNames.size()) {
                        throw new InvalidDataException(badLabel(file, record, count, label, classNames, namesSource));
                    }
                    labels[index] = label;
                }
            }
        }
        return ImageSet.of(pixels, labels, SIZE, SIZE, CHANNELS, classNames);
    }

    private static String badLabel(Path file, int record, long count, int label, List<String> classNames,
                                   String namesSource) {
        String where = file + ": record " + (record + 1) + " of " + count + " has label " + label;
        if (namesSource != null) {
            return where + " but " + namesSource + " names only " + classNames.size() + " classes; add the "
                    + "missing class names there (one per line) or delete it to use CIFAR-10's ten";
        }
        return where + "; CIFAR-10 labels are 0.." + (classNames.size() - 1) + ". The file is damaged or not a "
                + "CIFAR-10 batch (CIFAR-100's binary version has two label bytes per record); download it again";
    }

    private static long recordCount(Path file) throws IOException, InvalidDataException {
        long size = Files.size(file);
        if (size == 0) {
            throw new InvalidDataException(file + ": the file is empty (0 bytes); expected 3073-byte records "
                    + "(an official batch is " + String.format("%,d", (long) OFFICIAL_BATCH_RECORDS * RECORD_BYTES)
                    + " bytes); download it again");
        }
        if (size % RECORD_BYTES != 0) {
            throw new InvalidDataException(file + ": truncated: " + size + " bytes is not a whole number of "
                    + RECORD_BYTES + "-byte records; download it again");
        }
        return size / RECORD_BYTES;
    }
}
