package org.dl4jworkbench.app.ui.shots;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.testing.SharedData;

/**
 * Real data for the screenshots, from ../shared/data beside the repository (scripts/screenshot.sh
 * runs from the repository root; the tests' {@link SharedData} looks from a module folder).
 */
final class ShotData {

    private ShotData() {
    }

    private static Path file(String name) {
        Path fromRoot = Path.of("..", "shared", "data", name).toAbsolutePath().normalize();
        return Files.isRegularFile(fromRoot) ? fromRoot : SharedData.file(name);
    }

    /**
     * The pretrained MobileNet installed in a new data folder, which the window uses from now on
     * (never the user's own data folder).
     */
    static Path installMobileNet() throws IOException {
        Path data = Files.createTempDirectory("shot-data");
        Path model = PretrainedCatalog.MOBILENET_V1_075.modelFile(data);
        Files.createDirectories(model.getParent());
        Files.copy(file("mobilenet_v1_0.75_224_imagenet.h5"), model);
        System.setProperty("workbench.data", data.toString());
        return data;
    }

    /** The real CIFAR-10 photos named ("test/cat/0024.jpg"), copied out of the archive, in that order. */
    static List<Path> cifar(String... names) throws IOException {
        Path dir = Files.createTempDirectory("shot-photos");
        List<String> wanted = List.of(names);
        Path[] found = new Path[names.length];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file("cifar10-jpg.tar.gz")), 1 << 16);
             var tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            int left = names.length;
            while (left > 0 && (entry = tar.getNextTarEntry()) != null) {
                int at = wanted.indexOf(entry.getName());
                if (at >= 0) {
                    found[at] = dir.resolve(entry.getName().replace('/', '-'));
                    Files.copy(tar, found[at]);
                    left--;
                }
            }
        }
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (found[i] == null) {
                throw new IOException(names[i] + " not found in cifar10-jpg.tar.gz");
            }
            photos.add(found[i]);
        }
        return photos;
    }
}
