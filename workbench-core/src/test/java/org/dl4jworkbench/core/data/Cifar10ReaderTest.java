package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {

    private static final int PLANE = 32 * 32;

    @TempDir
    Path dir;

    @Test
    void readsEveryBatchWithRedGreenAndBluePlanesInChannelsZeroOneAndTwo() throws Exception {
        CifarFixtures.writeKnown(dir, 2, 20, 10);
        Dataset d = Cifar10Reader.open(dir);
        assertThat(d.name()).isEqualTo("cifar10:" + dir);
        assertThat(d.train().size()).isEqualTo(40);
        assertThat(d.test().size()).isEqualTo(10);
        assertThat(d.train().height()).isEqualTo(32);
        assertThat(d.train().width()).isEqualTo(32);
        assertThat(d.train().channels()).isEqualTo(3);
        assertThat(d.classNames()).isEqualTo(Cifar10Reader.CLASS_NAMES);
        assertThat(d.train().classCounts()).containsOnly(4);
        for (int image : new int[] {0, 19, 20, 39}) { // both ends of both batches
            assertThat(d.train().label(image)).isEqualTo(CifarFixtures.knownLabel(image));
            assertImage(d.train(), image, image);
        }
        assertThat(d.test().label(3)).isEqualTo(CifarFixtures.knownLabel(1003));
        assertImage(d.test(), 9, 1009);
    }

    private static void assertImage(ImageSet set, int position, int image) {
        byte[] bytes = new byte[set.imageSize()];
        set.copyBytes(position, bytes, 0);
        for (int c = 0; c < 3; c++) {
            for (int p : new int[] {0, 1, 32, PLANE - 1}) {
                assertThat(bytes[c * PLANE + p] & 0xff).as("image %d channel %d byte %d", image, c, p)
                        .isEqualTo(CifarFixtures.knownPixel(image, c, p));
            }
        }
    }

    @Test
    void acceptsTheSubfolderTheOfficialArchiveUnpacksTo() throws Exception {
        CifarFixtures.writeKnown(dir.resolve(Cifar10Reader.SUBFOLDER), 1, 10, 10);
        Dataset d = Cifar10Reader.open(dir);
        assertThat(d.name()).isEqualTo("cifar10:" + dir);
        assertThat(d.train().size()).isEqualTo(10);
    }

    @Test
    void acceptsAnySubsetOfTheFiveTrainingBatches() throws Exception {
        CifarFixtures.writeKnown(dir, 1, 10, 10);
        Files.move(dir.resolve("data_batch_1.bin"), dir.resolve("data_batch_4.bin"));
        Files.write(dir.resolve("data_batch_2.bin"), CifarFixtures.knownBatch(100, 5));
        Dataset d = Cifar10Reader.open(dir);
        assertThat(d.train().size()).isEqualTo(15);
        assertImage(d.train(), 0, 100); // batch 2 before batch 4
    }

    @Test
    void classNamesComeFromBatchesMetaTxtIgnoringBlankLines() throws Exception {
        CifarFixtures.writeKnown(dir, 1, 10, 10);
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\n\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        assertThat(Cifar10Reader.open(dir).classNames()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h",
                "i", "j");
    }

    @Test
    void learnableFixtureIsACompleteBalancedDataset() throws Exception {
        CifarFixtures.writeLearnable(dir, 103, 20, 7);
        Dataset d = Cifar10Reader.open(dir);
        assertThat(d.train().size()).isEqualTo(103);
        assertThat(d.test().classCounts()).containsOnly(2);
        assertThat(d.classNames()).isEqualTo(Cifar10Reader.CLASS_NAMES);
        assertThat(Files.readAllBytes(dir.resolve("data_batch_5.bin")))
                .isEqualTo(Files.readAllBytes(CifarFixtures.writeLearnable(dir.resolve("again"), 103, 20, 7)
                        .resolve("data_batch_5.bin")));
    }

    @Test
    void missingFolderIsNamed() {
        Path gone = dir.resolve("gone");
        assertThatThrownBy(() -> Cifar10Reader.open(gone))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(gone + ": no such folder. A CIFAR-10 dataset is a folder holding "
                        + "data_batch_1.bin .. data_batch_5.bin and test_batch.bin");
    }

    @Test
    void folderWithoutTrainingBatchesSaysWhatWasExpected() throws Exception {
        Files.write(dir.resolve("test_batch.bin"), CifarFixtures.knownBatch(0, 2));
        assertThatThrownBy(() -> Cifar10Reader.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(dir + ": no training batches: expected data_batch_1.bin .. data_batch_5.bin "
                        + "(at least one) in " + dir + " or in " + dir.resolve("cifar-10-batches-bin") + ", found none")
                .hasMessageContaining("./workbench datasets download cifar10");
    }

    @Test
    void missingTestBatchIsNamed() throws Exception {
        CifarFixtures.writeKnown(dir, 2, 3, 1);
        Files.delete(dir.resolve("test_batch.bin"));
        assertThatThrownBy(() -> Cifar10Reader.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(dir + ": missing test_batch.bin (the test images; found 2 training batch(es)");
    }

    @Test
    void truncatedBatchSaysItIsNotAWholeNumberOfRecords() throws Exception {
        CifarFixtures.writeKnown(dir, 2, 20, 10);
        Path batch = dir.resolve("data_batch_2.bin");
        byte[] bytes = Files.readAllBytes(batch);
        Files.write(batch, Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> Cifar10Reader.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(batch + ": truncated: 61360 bytes is not a whole number of 3073-byte records; "
                        + "download it again");
    }

    @Test
    void emptyBatchIsRefused() throws Exception {
        CifarFixtures.writeKnown(dir, 1, 20, 10);
        Path test = Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        assertThatThrownBy(() -> Cifar10Reader.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(test + ": the file is empty (0 bytes); expected 3073-byte records (an official batch is "
                        + "30,730,000 bytes); download it again");
    }

    @Test
    void labelOutsideTheTenClassesNamesTheRecord() throws Exception {
        CifarFixtures.writeKnown(dir, 1, 20, 10);
        Path batch = dir.resolve("data_batch_1.bin");
        byte[] bytes = Files.readAllBytes(batch);
        bytes[6 * 3073] = (byte) 200; // record 7
        Files.write(batch, bytes);
        assertThatThrownBy(() -> Cifar10Reader.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(batch + ": record 7 of 20 has label 200; CIFAR-10 labels are 0..9.");
    }

    @Test
    void batchesMetaTxtNamingTooFewClassesIsExplained() throws Exception {
        CifarFixtures.writeKnown(dir, 1, 20, 10);
        Path names = Files.write(dir.resolve("batches.meta.txt"), List.of("airplane", "automobile", "bird"));
        assertThatThrownBy(() -> Cifar10Reader.open(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(dir.resolve("data_batch_1.bin") + ": record 4 of 20 has label 3 but " + names
                        + " names only 3 classes");
    }

    @Test
    void opensThroughTheDatasetSpec() throws Exception {
        CifarFixtures.writeLearnable(dir, 10, 10, new Random(1).nextLong());
        Dataset d = Datasets.open("cifar10:" + dir);
        assertThat(d.name()).isEqualTo("cifar10:" + dir);
        assertThat(d.shape().channels()).isEqualTo(3);
    }
}
