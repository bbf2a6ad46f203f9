package org.dl4jworkbench.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.dl4jworkbench.core.data.catalog.Catalog;

/**
 * Opens a dataset from its SPEC as the command line and project files write it:
 * {@code mnist-mini} (embedded), {@code idx:DIR}, {@code cifar10:DIR}, {@code folder:DIR},
 * or a catalogue name ({@code mnist}, {@code cifar10}, ...) once downloaded.
 */
public final class Datasets {

    public static final String DEFAULT = IdxDatasets.MNIST_MINI;
    private static final Set<String> FOLDER_FORMS = Set.of("idx", "cifar10", "folder");

    private Datasets() {
    }

    /** The folder a SPEC of the folder forms names ({@code idx:DIR}, {@code cifar10:DIR}, {@code folder:DIR}). */
    public static Optional<Path> folderOf(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || !FOLDER_FORMS.contains(spec.substring(0, colon))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(spec.substring(colon + 1)));
    }

    public static Dataset open(String spec) throws IOException, InvalidDataException {
        return open(spec, DatasetOptions.defaults());
    }

    public static Dataset open(String spec, DatasetOptions options) throws IOException, InvalidDataException {
        if (spec.equals(IdxDatasets.MNIST_MINI)) {
            return IdxDatasets.mnistMini();
        }
        int colon = spec.indexOf(':');
        Optional<Path> folder = folderOf(spec);
        if (folder.isPresent()) {
            Path dir = folder.get();
            switch (spec.substring(0, colon)) {
                case "idx":
                    return IdxDatasets.open(dir);
                case "cifar10":
                    return Cifar10Reader.open(dir);
                default:
                    return ImageFolders.open(dir, options);
            }
        } else if (colon < 0) {
            var entry = Catalog.find(spec);
            if (entry.isPresent()) {
                return Catalog.open(entry.get(), WorkbenchDirs.data());
            }
        }
        throw new InvalidDataException("unknown dataset '" + spec + "'; use " + IdxDatasets.MNIST_MINI
                + " (the embedded MNIST subset), idx:DIR (MNIST-format IDX files), cifar10:DIR (CIFAR-10 binary "
                + "batches), folder:DIR (one subfolder of images per class) or a catalogue name");
    }
}
