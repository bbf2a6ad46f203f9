package org.dl4jworkbench.core.data.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dl4jworkbench.core.data.Cifar10Reader;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.IdxDatasets;
import org.dl4jworkbench.core.data.InvalidDataException;

/**
 * The datasets the workbench can download ({@code ./workbench datasets download NAME}) and
 * then open by name ({@code --dataset mnist}). Each file's checksum is verified before use.
 */
public final class Catalog {

    /**
     * MNIST's four IDX files. The checksums are of the gunzipped files, which are exactly
     * known (the same values as scripts/fetch-mnist.sh); mirrors may gzip them differently.
     * Official site first (often down), then PyTorch's and TensorFlow's mirrors.
     */
    public static final CatalogEntry MNIST = new CatalogEntry("mnist", "idx",
            "Handwritten digits 0-9, 28x28 grey: 60,000 training and 10,000 test images", List.of(
            mnistFile("train-images-idx3-ubyte.gz", 9_912_422,
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            mnistFile("train-labels-idx1-ubyte.gz", 28_881,
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            mnistFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            mnistFile("t10k-labels-idx1-ubyte.gz", 4_542,
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")));

    /**
     * The binary version of CIFAR-10 from its authors. Size and SHA-256 of the archive as
     * TensorFlow Datasets pins them (tensorflow/datasets, tensorflow_datasets/url_checksums/
     * cifar10.txt: 170052171 bytes, c4a38c50...); the same archive has the MD5
     * c32a1d4ab5d03f1284b67883e8d87530 that torchvision checks. Each unpacked batch must be
     * 10,000 records of 3,073 bytes.
     */
    public static final CatalogEntry CIFAR10 = new CatalogEntry("cifar10", "cifar10",
            "Small colour photos of 10 classes (airplane ... truck), 32x32x3: 50,000 training and 10,000 test images",
            List.of(RemoteFile.tarGz("cifar-10-binary.tar.gz",
                    List.of(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")), 170_052_171,
                    "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", cifarBatches())));

    private static final List<CatalogEntry> ENTRIES = List.of(MNIST, CIFAR10);

    private Catalog() {
    }

    private static RemoteFile mnistFile(String name, long size, String contentSha256) {
        return RemoteFile.gzipped(name, List.of(
                URI.create("http://yann.lecun.com/exdb/mnist/" + name),
                URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/" + name),
                URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/" + name)), size, contentSha256);
    }

    private static Map<String, Long> cifarBatches() {
        Map<String, Long> batches = new LinkedHashMap<>();
        long batchBytes = (long) Cifar10Reader.OFFICIAL_BATCH_RECORDS * Cifar10Reader.RECORD_BYTES;
        for (String name : Cifar10Reader.TRAIN_BATCHES) {
            batches.put(Cifar10Reader.SUBFOLDER + "/" + name, batchBytes);
        }
        batches.put(Cifar10Reader.SUBFOLDER + "/" + Cifar10Reader.TEST_BATCH, batchBytes);
        return batches;
    }

    /** Every entry, in the order listings show them. */
    public static List<CatalogEntry> entries() {
        return ENTRIES;
    }

    public static Optional<CatalogEntry> find(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** "unknown dataset 'NAME'; the catalogue has: mnist, cifar10". */
    public static String unknownName(String name) {
        return "unknown dataset '" + name + "'; the catalogue has: "
                + ENTRIES.stream().map(CatalogEntry::name).collect(Collectors.joining(", "));
    }

    /** Opens the catalogue entry {@code name} from {@code dataRoot}; see {@link #open(CatalogEntry, Path)}. */
    public static Dataset open(String name, Path dataRoot) throws IOException, InvalidDataException {
        CatalogEntry entry = find(name).orElseThrow(() -> new InvalidDataException(unknownName(name)));
        return open(entry, dataRoot);
    }

    /**
     * Opens {@code entry} from {@code dataRoot/NAME} once downloaded and verified. Files put
     * there by hand are verified (and unpacked) here on first use, without the network.
     *
     * @throws InvalidDataException where the files are not there yet (the message says how to get
     *                              them) or are not the right ones
     */
    public static Dataset open(CatalogEntry entry, Path dataRoot) throws IOException, InvalidDataException {
        Path folder = entry.folder(dataRoot);
        if (!LocalCopy.isVerified(entry, folder) && !new Downloader(dataRoot).installLocalFiles(entry)) {
            throw new InvalidDataException(notDownloaded(LocalCopy.of(entry, dataRoot)));
        }
        Dataset opened = switch (entry.format()) {
            case "idx" -> IdxDatasets.open(folder);
            case "cifar10" -> Cifar10Reader.open(folder);
            default -> throw new IllegalStateException(entry.name() + ": unknown format " + entry.format());
        };
        return new Dataset(entry.name(), opened.train(), opened.test(), opened.report(), opened.resizable());
    }

    static String notDownloaded(LocalCopy copy) {
        Downloadable entry = copy.entry();
        String command = entry.downloadCommand();
        if (copy.state() == LocalCopy.State.PARTIAL) {
            return "dataset '" + entry.name() + "' is only partly downloaded (" + ByteSize.format(copy.partBytes())
                    + " of about " + ByteSize.format(entry.downloadSize()) + " in " + copy.folder() + "): run "
                    + command + " to finish";
        }
        return "dataset '" + entry.name() + "' is not downloaded yet: run " + command + " (or put the file"
                + (entry.files().size() > 1 ? "s " : " ") + join(entry.fileNames()) + " in " + copy.folder() + ")";
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
