package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datasets info} decodes a folder at its images' own size or the network's input, and
 * {@code cache} lists and clears what that left in the cache folder.
 */
class CacheCommandTest {

    private static final String CACHE = "workbench.cache";

    @TempDir
    Path dir;

    private String cacheBefore;
    private Path folder;

    @BeforeEach
    void smallFolderAndOwnCache() throws Exception {
        cacheBefore = System.getProperty(CACHE);
        System.setProperty(CACHE, dir.resolve("cache").toString());
        folder = dir.resolve("tiny");
        for (String c : new String[] {"cat", "dog"}) {
            Files.createDirectories(folder.resolve(c));
            for (int i = 0; i < 5; i++) {
                Files.write(folder.resolve(c).resolve(i + ".png"), ImageFixtures.encode(
                        ImageFixtures.solid(32, 32, c.equals("cat") ? Color.ORANGE : Color.BLUE), "png"));
            }
        }
    }

    @AfterEach
    void restore() {
        if (cacheBefore == null) {
            System.clearProperty(CACHE);
        } else {
            System.setProperty(CACHE, cacheBefore);
        }
    }

    @Test
    void infoDecodesAtTheImagesOwnSizeOrTheNetworksAndCacheListsBoth() {
        var own = CommandLineTest.run("datasets", "info", "folder:" + folder);
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).contains("32x32 pixels", "decoded to 32x32x3");
        var network = CommandLineTest.run("datasets", "info", "--template", "mnist-cnn", "folder:" + folder);
        assertThat(network.exitCode()).as(network.err()).isZero();
        assertThat(network.out()).contains("decoded to 28x28x1");

        var list = CommandLineTest.run("cache");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("Cache folder " + dir.resolve("cache"), "KIND", "LAST USED",
                        folder + ": 10 images at 32x32x3", folder + ": 10 images at 28x28x1", "just now")
                .containsPattern("Total: 2 file\\(s\\), [0-9.]+ kB");
    }

    @Test
    void clearDeletesAllOrOnlyWhatWasNotUsedRecently() throws Exception {
        assertThat(CommandLineTest.run("datasets", "info", "folder:" + folder).exitCode()).isZero();
        Path old = dir.resolve("cache/features/old.bin");
        Files.createDirectories(old.getParent());
        Files.write(old, new byte[100]);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(
                Instant.now().minus(Duration.ofDays(40))));
        assertThat(CommandLineTest.run("cache").out()).contains("features", "40 days ago");

        var older = CommandLineTest.run("cache", "clear", "--older-than", "30");
        assertThat(older.exitCode()).as(older.err()).isZero();
        assertThat(older.out()).contains("Deleted 1 file(s), 100 bytes", "1 left");
        assertThat(old).doesNotExist();

        var all = CommandLineTest.run("cache", "clear");
        assertThat(all.out()).contains("Deleted 1 file(s)", "0 left");
        assertThat(CommandLineTest.run("cache").out()).contains("Empty.");
    }

    @Test
    void aNegativeAgeIsRefusedWithoutAStackTrace() {
        var r = CommandLineTest.run("cache", "clear", "--older-than", "-1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--older-than must be 0 or more days").doesNotContain("\tat ");
    }
}
