package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache folder lists what it holds, clears by age, and stays within its bound by evicting the least used. */
class CacheFolderTest {

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .minus(Duration.ofHours(2));

    private Path features(String name, int images, int dimension, Instant used) throws Exception {
        Path file = cache.resolve("features").resolve(name + ".bin");
        Files.createDirectories(file.getParent());
        try (var out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x57424653);
            out.writeInt(images);
            out.writeInt(dimension);
            out.write(new byte[images * dimension * 4]);
        }
        Files.setLastModifiedTime(file, FileTime.from(used));
        return file;
    }

    @Test
    void listsDecodedFoldersAndFeaturesNewestFirst() throws Exception {
        ImageFixtures.catsAndDogs(dir, 5, false, 1);
        Datasets.open("folder:" + dir, DatasetOptions.defaults().withCacheDir(cache).withSize(16, 16, 3)
                .withProgress((p, d, t) -> { }));
        features("old", 10, 8, NOW.minus(Duration.ofDays(30)));

        var entries = CacheFolder.list(cache);
        assertThat(entries).extracting(CacheFolder.Entry::kind).containsExactly("images", "features");
        assertThat(entries.get(0).content()).isEqualTo(dir + ": 10 images at 16x16x3");
        assertThat(entries.get(0).bytes()).isGreaterThan(10 * 16 * 16 * 3);
        assertThat(entries.get(1).content()).isEqualTo("transfer-learning features: 10 images x 8 values");
        assertThat(entries.get(1).bytes()).isEqualTo(12 + 10 * 8 * 4);
    }

    @Test
    void clearOlderThanKeepsWhatWasUsedRecently() throws Exception {
        Path recent = features("recent", 2, 2, NOW.minus(Duration.ofDays(1)));
        Path old = features("old", 2, 2, NOW.minus(Duration.ofDays(10)));
        Path running = cache.resolve("features").resolve(".x.bin.tmp-1234");
        Files.writeString(running, "decoding");
        Files.setLastModifiedTime(running, FileTime.from(NOW.minus(Duration.ofMinutes(5))));

        assertThat(CacheFolder.clear(cache, Duration.ofDays(7), NOW)).extracting(CacheFolder.Entry::file)
                .containsExactly(old);
        assertThat(recent).exists();
        assertThat(CacheFolder.clear(cache, null, NOW)).extracting(CacheFolder.Entry::file).containsExactly(recent);
        assertThat(running).exists(); // may be another process's decode in progress
    }

    @Test
    void evictionDeletesTheLeastRecentlyUsedUntilWithinTheLimit() throws Exception {
        Path a = features("a", 10, 25, NOW.minus(Duration.ofDays(3))); // 1,012 bytes each
        Path b = features("b", 10, 25, NOW.minus(Duration.ofDays(2)));
        Path c = features("c", 10, 25, NOW.minus(Duration.ofDays(1)));
        Path fresh = features("fresh", 10, 25, NOW.minus(Duration.ofDays(9))); // just written, oddly dated

        assertThat(CacheFolder.evict(cache, 2_500, fresh)).extracting(CacheFolder.Entry::file)
                .containsExactly(a, b);
        assertThat(c).exists();
        assertThat(fresh).exists();
    }

    @Test
    void openingACacheMarksItUsedAndANewOneRespectsTheLimit() throws Exception {
        ImageFixtures.catsAndDogs(dir, 5, false, 2);
        Path old = features("old", 10, 25, NOW.minus(Duration.ofDays(3)));
        System.setProperty(CacheFolder.LIMIT_PROPERTY, "1k");
        try {
            Datasets.open("folder:" + dir, DatasetOptions.defaults().withCacheDir(cache).withSize(16, 16, 3));
        } finally {
            System.clearProperty(CacheFolder.LIMIT_PROPERTY);
        }
        assertThat(old).doesNotExist(); // evicted for the new decode, which is kept though over the limit
        var images = CacheFolder.list(cache);
        assertThat(images).singleElement().extracting(CacheFolder.Entry::kind).isEqualTo("images");
        Files.setLastModifiedTime(images.get(0).file(), FileTime.from(NOW));
        Datasets.open("folder:" + dir, DatasetOptions.defaults().withCacheDir(cache).withSize(16, 16, 3));
        assertThat(Files.getLastModifiedTime(images.get(0).file()).toInstant()).isAfter(NOW);
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(CacheFolder.parseSize("20G")).isEqualTo(20_000_000_000L);
        assertThat(CacheFolder.parseSize("500MB")).isEqualTo(500_000_000L);
        assertThat(CacheFolder.parseSize("1.5g")).isEqualTo(1_500_000_000L);
        assertThat(CacheFolder.parseSize("4096")).isEqualTo(4096);
        assertThatThrownBy(() -> CacheFolder.parseSize("lots")).hasMessageContaining("'lots' is not a size");
        assertThat(new ArrayList<>(CacheFolder.list(cache.resolve("nothing")))).isEmpty();
    }
}
