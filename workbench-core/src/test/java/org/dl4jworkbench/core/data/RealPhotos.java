package org.dl4jworkbench.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dl4jworkbench.core.testing.SharedData;

/**
 * Real photos for tests: the real CIFAR-10 as JPEG files in {@code ../shared/data} (see its
 * README, and {@link SharedData}).
 */
public final class RealPhotos {

    private RealPhotos() {
    }

    /**
     * An image folder {@code dest/train/<class>/...} and {@code dest/test/<class>/...} with the
     * first {@code trainPerClass} and {@code testPerClass} CIFAR-10 photos (32x32 JPEG) of each
     * class, in the archive's order.
     */
    public static Path cifarFolder(Path dest, List<String> classes, int trainPerClass, int testPerClass)
            throws IOException {
        Map<String, Integer> taken = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(SharedData.file("cifar10-jpg.tar.gz")), 1 << 16);
             var tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                String[] parts = entry.getName().split("/");
                if (!entry.isFile() || parts.length != 3 || !classes.contains(parts[1])) {
                    continue;
                }
                String key = parts[0] + "/" + parts[1];
                int limit = parts[0].equals("train") ? trainPerClass : testPerClass;
                if (taken.getOrDefault(key, 0) >= limit) {
                    continue;
                }
                taken.merge(key, 1, Integer::sum);
                Path target = dest.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]);
                Files.createDirectories(target.getParent());
                Files.copy(tar, target);
            }
        }
        return dest;
    }
}
