package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a network, a folder decodes at its images' own size (bounded), not at 128x128. */
class OwnSizeTest {

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void imagesOfOneSizeKeepIt() {
        assertThat(OwnSize.rule(32, 32, 32, 32, 3)).containsExactly(32, 32, 3);
        assertThat(OwnSize.rule(28, 28, 28, 28, 1)).containsExactly(28, 28, 1);
    }

    @Test
    void largeImagesOfOneSizeShrinkToTheBoundKeepingTheirShape() {
        assertThat(OwnSize.rule(600, 600, 800, 800, 3)).containsExactly(96, 128, 3);
    }

    @Test
    void imagesOfManySizesDecodeAtTheBoundOrTheLargestImage() {
        assertThat(OwnSize.rule(300, 500, 200, 640, 3)).containsExactly(128, 128, 3);
        assertThat(OwnSize.rule(20, 40, 20, 60, 1)).containsExactly(40, 60, 1);
        assertThat(OwnSize.rule(0, 0, 0, 0, 1)).containsExactly(128, 128, 3); // nothing readable
    }

    @Test
    void aFolderOf32PixelImagesIsCachedAt32Pixels() throws Exception {
        for (String c : new String[] {"cat", "dog"}) {
            Files.createDirectories(dir.resolve(c));
            for (int i = 0; i < 3; i++) {
                Files.write(dir.resolve(c).resolve(i + ".png"), ImageFixtures.encode(
                        ImageFixtures.solid(32, 32, c.equals("cat") ? Color.ORANGE : Color.BLUE), "png"));
            }
        }
        var options = DatasetOptions.defaults().withCacheDir(cache).imagesOwnSize();
        Dataset d = Datasets.open("folder:" + dir, options);
        assertThat(d.train().height()).isEqualTo(32);
        assertThat(d.train().width()).isEqualTo(32);
        assertThat(d.train().channels()).isEqualTo(3);
        try (var files = Files.list(cache.resolve("folders"))) {
            assertThat(files.toList()).singleElement()
                    .satisfies(f -> assertThat(Files.size(f)).isLessThan(4096 + 6 * 32 * 32 * 3 + 4096));
        }
        // the second open learns the size from that cache and reads it, without decoding
        var phases = new java.util.ArrayList<String>();
        Dataset again = Datasets.open("folder:" + dir, options.withProgress((p, done, total) -> phases.add(p)));
        assertThat(again.train().height()).isEqualTo(32);
        assertThat(phases).containsOnly("reading cache");
    }
}
