package org.dl4jworkbench.core.pretrained;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.Downloader;
import org.dl4jworkbench.core.data.catalog.LocalCopy;
import org.dl4jworkbench.core.data.catalog.RemoteFile;

/**
 * The pretrained networks the workbench can install ({@code ./workbench models download ID})
 * into {@code DATA/models/ID}, fetched, resumed and checked as the datasets of
 * {@link org.dl4jworkbench.core.data.catalog.Catalog} are.
 */
public final class PretrainedCatalog {

    /** Where the ImageNet class names ship: the product's own copy, 1,000 lines in output order. */
    static final String IMAGENET_CLASSES = "/org/dl4jworkbench/core/pretrained/imagenet_classes.txt";

    /**
     * MobileNet v1, width 0.75, 224x224, ImageNet, as one Keras 2 full-model HDF5 file
     * (architecture and weights: what DL4J's Keras import reads without any code of ours).
     * Keras publishes these weights only as weights-only files and with no checksum (its
     * mobilenet.py calls get_file without file_hash), and no public server offers this very
     * file, so the entry has no URL: it is installed by hand and checked by its exact SHA-256.
     */
    public static final PretrainedEntry MOBILENET_V1_075 = new PretrainedEntry("mobilenet-v1-0.75",
            "MobileNet v1 0.75 (224x224, ImageNet)",
            "Image classifier for the 1,000 ImageNet classes: 2.6 million parameters, 68.4% top-1; "
                    + "a small, fast base for transfer learning",
            "Apache-2.0",
            "Google's MobileNet v1 ImageNet checkpoint (tensorflow/models, Apache-2.0), ported to Keras by the "
                    + "Keras team. Keras publishes the weights as weights-only files: "
                    + "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/mobilenet_7_5_224_tf.h5 "
                    + "(and mobilenet_7_5_224_tf_no_top.h5 without the classifier; also under "
                    + "https://github.com/fchollet/deep-learning-models/releases/download/v0.6/), without checksums. "
                    + "The workbench takes the full Keras model file (architecture and weights) of the same network, "
                    + "whose output is act_softmax of shape [N,1,1,1000]; no public server offers that file, so it "
                    + "is installed by hand.",
            new PretrainedEntry.Input(224, 224, 3), PretrainedEntry.Scaling.MINUS_ONE_TO_ONE, IMAGENET_CLASSES, 1000,
            RemoteFile.plain("mobilenet_v1_0.75_224_imagenet.h5", List.of(), 10_659_272,
                    "3f4c38af7e766534f0a1e8592db1cd4e76972476332326b7d1cece972a1ddcfb"));

    private static final List<PretrainedEntry> ENTRIES = List.of(MOBILENET_V1_075);

    private PretrainedCatalog() {
    }

    /** Every network, in the order listings show them. */
    public static List<PretrainedEntry> entries() {
        return ENTRIES;
    }

    public static Optional<PretrainedEntry> find(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** "unknown network 'ID'; the catalogue has: mobilenet-v1-0.75". */
    public static String unknownId(String id) {
        return "unknown network '" + id + "'; the catalogue has: "
                + ENTRIES.stream().map(PretrainedEntry::id).collect(Collectors.joining(", "));
    }

    /**
     * For listings: "installed", "installed, not yet verified" (put there by hand),
     * "partly downloaded (...)", "not installed".
     */
    public static String describe(PretrainedEntry entry, Path dataRoot) {
        LocalCopy copy = LocalCopy.of(entry, dataRoot);
        if (copy.state() == LocalCopy.State.VERIFIED) {
            return "installed";
        }
        if (entry.isInstalled(dataRoot)) {
            return "installed, not yet verified";
        }
        return copy.state() == LocalCopy.State.PARTIAL ? copy.describe() : "not installed";
    }

    /**
     * The model file of {@code entry}, ready to import. A file put there by hand is checked
     * against the catalogue's SHA-256 here, once, without the network.
     *
     * @throws InvalidDataException where it is not installed (the message says how to install it)
     *                              or is not the right file (the message names it)
     */
    public static Path installedModel(PretrainedEntry entry, Path dataRoot) throws IOException, InvalidDataException {
        if (LocalCopy.of(entry, dataRoot).state() != LocalCopy.State.VERIFIED
                && !new Downloader(dataRoot, null, null).installLocalFiles(entry)) {
            throw new InvalidDataException(notInstalled(entry, dataRoot));
        }
        return entry.modelFile(dataRoot);
    }

    /**
     * What to do where {@code entry} is not installed: "network 'ID' is not installed: put FILE
     * (SIZE, SHA-256 ...) into FOLDER", with the download command where there is a place to
     * download from.
     */
    public static String notInstalled(PretrainedEntry entry, Path dataRoot) {
        LocalCopy copy = LocalCopy.of(entry, dataRoot);
        String command = entry.downloadCommand();
        if (copy.state() == LocalCopy.State.PARTIAL) {
            return "network '" + entry.id() + "' is only partly downloaded (" + ByteSize.format(copy.partBytes())
                    + " of " + ByteSize.format(entry.downloadSize()) + " in " + copy.folder() + "): run " + command
                    + " to finish";
        }
        String put = "put " + entry.file().describeForHand() + " into " + copy.folder();
        return "network '" + entry.id() + "' is not installed: " + (entry.file().urls().isEmpty()
                ? put + ", then run " + command + " to check it"
                : "run " + command + ", or " + put);
    }
}
