package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private DatasetOptions options(int size, int channels, List<String> phases) {
        return DatasetOptions.defaults().withCacheDir(cache).withSize(size, size, channels)
                .withProgress((phase, done, total) -> phases.add(phase));
    }

    @Test
    void mixedFolderLoadsEveryGoodImageAndReportsEveryBadFile() throws Exception {
        ImageFixtures.catsAndDogs(dir, 20, true, 1);
        List<String> phases = new ArrayList<>();
        Dataset d = Datasets.open("folder:" + dir, options(32, 3, phases));

        assertThat(d.name()).isEqualTo("folder:" + dir);
        assertThat(d.resizable()).isTrue();
        assertThat(d.classNames()).containsExactly("cats", "dogs");
        assertThat(d.train().size() + d.test().size()).isEqualTo(40);
        assertThat(d.test().classCounts()).containsExactly(4, 4); // 20% of each class held out
        assertThat(d.train().height()).isEqualTo(32);
        assertThat(d.train().channels()).isEqualTo(3);
        assertThat(d.report().skipped()).extracting(SkippedFile::toString).containsExactlyInAnyOrder(
                "notes.txt: not in a class folder",
                "cats/empty.jpg: empty file (0 bytes)",
                "dogs/not-really.png: not an image (not JPEG, PNG, BMP or GIF)",
                d.report().skipped().stream().filter(s -> s.path().equals("dogs/truncated.jpg")).findFirst()
                        .orElseThrow().toString());
        assertThat(d.report().skipped().stream().filter(s -> s.path().equals("dogs/truncated.jpg")).findFirst()
                .orElseThrow().reason()).startsWith("truncated JPEG");
        assertThat(d.report().minWidth()).isGreaterThanOrEqualTo(40);
        assertThat(d.report().maxWidth()).isLessThan(200);
        assertThat(d.report().sourceChannels()).isEqualTo(3);
        assertThat(phases).contains("decoding images");
        assertThat(d.test().source(0)).matches("(cats|dogs)/.+"); // a split keeps the images' file names
        assertThat(Datasets.open("mnist-mini").test().source(0)).isNull(); // IDX images have no file of their own
    }

    @Test
    void secondOpenReadsTheCacheAndGivesTheSamePixels() throws Exception {
        ImageFixtures.catsAndDogs(dir, 10, false, 2);
        Dataset first = Datasets.open("folder:" + dir, options(24, 1, new ArrayList<>()));
        List<String> phases = new ArrayList<>();
        Dataset second = Datasets.open("folder:" + dir, options(24, 1, phases));
        assertThat(phases).containsOnly("reading cache");
        assertThat(second.train().size()).isEqualTo(first.train().size());
        for (int i = 0; i < first.train().size(); i++) {
            assertThat(second.train().label(i)).isEqualTo(first.train().label(i));
            assertThat(second.train().pixel(i, 100)).isEqualTo(first.train().pixel(i, 100));
        }
        try (var files = Files.list(cache.resolve("folders"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void changingAFileOrTheSizeDecodesAgain() throws Exception {
        ImageFixtures.catsAndDogs(dir, 10, false, 3);
        Datasets.open("folder:" + dir, options(24, 3, new ArrayList<>()));
        Path one = dir.resolve("cats/cats.0001.png");
        Files.setLastModifiedTime(one, FileTime.fromMillis(Files.getLastModifiedTime(one).toMillis() + 5000));
        List<String> phases = new ArrayList<>();
        Datasets.open("folder:" + dir, options(24, 3, phases));
        assertThat(phases).contains("decoding images");
        try (var files = Files.list(cache.resolve("folders"))) {
            assertThat(files).hasSize(1); // the stale cache is gone
        }
        List<String> other = new ArrayList<>();
        Dataset bigger = Datasets.open("folder:" + dir, options(40, 3, other));
        assertThat(other).contains("decoding images");
        assertThat(bigger.train().height()).isEqualTo(40);
    }

    @Test
    void trainAndTestTreesAreKeptApart() throws Exception {
        ImageFixtures.catsAndDogs(dir.resolve("train"), 8, false, 4);
        ImageFixtures.catsAndDogs(dir.resolve("test"), 3, false, 5);
        Dataset d = Datasets.open("folder:" + dir, options(16, 3, new ArrayList<>()));
        assertThat(d.train().classCounts()).containsExactly(8, 8);
        assertThat(d.test().classCounts()).containsExactly(3, 3);
        for (int i = 0; i < d.test().size(); i++) { // each image says which file it is, in its class's folder
            assertThat(d.test().source(i)).startsWith("test/" + d.classNames().get(d.test().label(i)) + "/");
            assertThat(dir.resolve(d.test().source(i))).isRegularFile();
        }
        assertThat(d.train().source(0)).startsWith("train/");
    }

    @Test
    void cancellingStopsDecodingAndLeavesNoCache() throws Exception {
        ImageFixtures.catsAndDogs(dir, 10, false, 6);
        DatasetOptions options = options(16, 3, new ArrayList<>()).withCancellation(() -> true);
        assertThatThrownBy(() -> Datasets.open("folder:" + dir, options)).isInstanceOf(CancellationException.class);
        try (var files = Files.list(cache.resolve("folders"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void structuralFaultsRefuseTheDatasetNamingTheFolder() throws Exception {
        assertThatThrownBy(() -> open(dir.resolve("missing")))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> open(dir))
                .hasMessageStartingWith(dir + ": no class folders. Put the images of each class in a subfolder");
        Files.createDirectories(dir.resolve("cats"));
        Files.write(dir.resolve("cats/a.png"), ImageFixtures.encode(ImageFixtures.gray8(8, 8, 1), "png"));
        assertThatThrownBy(() -> open(dir))
                .hasMessageContaining("only one class folder ('cats'); a classifier needs at least 2 classes");
        Files.createDirectories(dir.resolve("dogs"));
        assertThatThrownBy(() -> open(dir))
                .hasMessage(dir.resolve("dogs") + ": class folder 'dogs' has no files. Add images of that class, or "
                        + "remove the folder");
        Files.writeString(dir.resolve("dogs/readme.png"), "not a picture");
        assertThatThrownBy(() -> open(dir))
                .hasMessageStartingWith(dir + ": class 'dogs' has no usable training images: every file was skipped "
                        + "(e.g. dogs/readme.png: not an image");
    }

    @Test
    void aTestClassUnknownToTrainingIsRefused() throws Exception {
        ImageFixtures.catsAndDogs(dir.resolve("train"), 2, false, 7);
        Files.createDirectories(dir.resolve("test/birds"));
        assertThatThrownBy(() -> open(dir)).hasMessageContaining("test class 'birds' has no folder in");
    }

    private Dataset open(Path folder) throws Exception {
        return Datasets.open("folder:" + folder, options(16, 3, new ArrayList<>()));
    }
}
