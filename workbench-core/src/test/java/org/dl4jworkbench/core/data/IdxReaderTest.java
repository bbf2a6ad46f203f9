package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipAlike() throws Exception {
        byte[] raw = IdxFixtures.images(5, 4, 3);
        Path plain = Files.write(dir.resolve("a"), raw);
        Path gz = Files.write(dir.resolve("b"), IdxFixtures.gzip(raw));
        var a = IdxReader.read(plain);
        var b = IdxReader.read(gz);
        assertThat(a.dims()).containsExactly(5, 4, 3);
        assertThat(a.recordSize()).isEqualTo(12);
        assertThat(b.dims()).containsExactly(a.dims());
        assertThat(b.data()).isEqualTo(a.data());
    }

    @Test
    void truncatedFileSaysSoAndNamesIt() throws Exception {
        byte[] raw = IdxFixtures.images(5, 4, 3);
        Path file = Files.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(raw, raw.length - 10));
        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ": the file is truncated: its header declares 5 records (60 bytes of data) but "
                        + "only 50 bytes follow. Download it again.");
    }

    @Test
    void truncatedInsideTheHeader() throws Exception {
        Path file = Files.write(dir.resolve("x"), Arrays.copyOf(IdxFixtures.images(5, 4, 3), 9));
        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ": the file is truncated. Download it again.");
    }

    @Test
    void truncatedGzipSaysSo() throws Exception {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(50, 28, 28));
        Path file = Files.write(dir.resolve("x.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file + ": the file is truncated (gzip stream ends early)");
    }

    @Test
    void wrongMagicNumberIsNotAStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello, this is not MNIST at all");
        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ": not an IDX file: the magic number is 0x68656C6C, expected 0x00000801 (labels) "
                        + "or 0x00000803 (images). Is this an MNIST-format file?");
    }

    @Test
    void unsupportedDataTypeIsExplained() throws Exception {
        Path file = Files.write(dir.resolve("floats"), IdxFixtures.idx(0x0D, new int[] {1, 2}, new byte[8]));
        assertThatThrownBy(() -> IdxReader.read(file))
                .hasMessageContaining("IDX data type 0x0D is not supported");
    }

    @Test
    void absurdHeaderDoesNotAllocate() throws Exception {
        Path file = Files.write(dir.resolve("huge"), IdxFixtures.idx(0x08, new int[] {60000, 30000, 30000},
                new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(file)).hasMessageContaining("more than 2 GB");
    }

    @Test
    void trailingDataIsRefused() throws Exception {
        byte[] raw = IdxFixtures.images(2, 2, 2);
        Path file = Files.write(dir.resolve("x"), Arrays.copyOf(raw, raw.length + 3));
        assertThatThrownBy(() -> IdxReader.read(file)).hasMessageContaining("there is data after the 2 records");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("gone")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(dir.resolve("gone") + ": file not found");
    }

    @Test
    void opensAFolderWithMixedRawAndGzipFiles() throws Exception {
        Dataset d = IdxDatasets.open(IdxFixtures.dataset(dir));
        assertThat(d.name()).isEqualTo("idx:" + dir);
        assertThat(d.train().size()).isEqualTo(6);
        assertThat(d.test().size()).isEqualTo(3);
        assertThat(d.classNames()).containsExactly("0", "1", "2");
        assertThat(d.train().classCounts()).containsExactly(2, 2, 2);
        assertThat(d.train().pixel(1, 0)).isEqualTo((12 * 7) & 0xff);
    }

    @Test
    void classNamesComeFromClassesTxt() throws Exception {
        IdxFixtures.dataset(dir);
        Files.write(dir.resolve("classes.txt"), List.of("zero", "one", "two", ""));
        assertThat(IdxDatasets.open(dir).classNames()).containsExactly("zero", "one", "two");
    }

    @Test
    void swappedImagesAndLabelsAreExplained() throws Exception {
        IdxFixtures.dataset(dir);
        Files.move(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("tmp"));
        Files.move(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"));
        Files.move(dir.resolve("tmp"), dir.resolve("train-images-idx3-ubyte"));
        assertThatThrownBy(() -> IdxDatasets.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("training images: expected an IDX image file")
                .hasMessageContaining("(is this a labels file?)");
    }

    @Test
    void aLabelOutOfRangeIsCaughtInsteadOfMakingEmptyClasses() throws Exception {
        IdxFixtures.dataset(dir);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(0, 1, 2, 0, 1, 200));
        assertThatThrownBy(() -> IdxDatasets.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("labels run from 0 to 200 but no training image has 197 of those labels "
                        + "(first: 3)");
        Files.write(dir.resolve("classes.txt"), List.of("a", "b", "c"));
        assertThatThrownBy(() -> IdxDatasets.open(dir))
                .hasMessageContaining("label 200 found but classes.txt names only 3 classes");
    }

    @Test
    void labelCountMustMatchImageCount() throws Exception {
        IdxFixtures.dataset(dir);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(0, 1, 2));
        assertThatThrownBy(() -> IdxDatasets.open(dir))
                .hasMessageEndingWith("training: 6 images but 3 labels; the files do not belong together");
    }

    @Test
    void missingFileInAFolderListsWhatWasLookedFor() throws Exception {
        IdxFixtures.dataset(dir);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThatThrownBy(() -> IdxDatasets.open(dir))
                .hasMessage(dir + ": missing t10k-labels-idx1-ubyte (also looked for t10k-labels-idx1-ubyte.gz, "
                        + "t10k-labels.idx1-ubyte, t10k-labels.idx1-ubyte.gz, test-labels-idx1-ubyte, "
                        + "test-labels-idx1-ubyte.gz, test-labels.idx1-ubyte, test-labels.idx1-ubyte.gz)");
    }

    @Test
    void unknownDatasetSpecListsTheForms() {
        assertThatThrownBy(() -> Datasets.open("imagenet"))
                .hasMessageStartingWith("unknown dataset 'imagenet'; use mnist-mini (the embedded MNIST subset), "
                        + "idx:DIR (MNIST-format IDX files), cifar10:DIR");
    }
}
