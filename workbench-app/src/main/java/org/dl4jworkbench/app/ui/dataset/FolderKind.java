package org.dl4jworkbench.app.ui.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dl4jworkbench.core.data.Cifar10Reader;

/**
 * The dataset SPEC for a folder dropped on the panel: MNIST-format IDX files make
 * {@code idx:DIR}, CIFAR-10 binary batches {@code cifar10:DIR}, anything else is taken as
 * one subfolder of images per class, {@code folder:DIR} (whose reader says what is wrong).
 */
final class FolderKind {

    private FolderKind() {
    }

    static String specFor(Path dir) {
        if (Files.isDirectory(dir.resolve(Cifar10Reader.SUBFOLDER))
                || Files.isRegularFile(dir.resolve(Cifar10Reader.TEST_BATCH))
                || Cifar10Reader.TRAIN_BATCHES.stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)))) {
            return "cifar10:" + dir;
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.map(f -> f.getFileName().toString()).anyMatch(n -> n.contains("idx3-ubyte"))) {
                return "idx:" + dir;
            }
        } catch (IOException e) {
            // unreadable: let the folder reader name the problem
        }
        return "folder:" + dir;
    }
}
