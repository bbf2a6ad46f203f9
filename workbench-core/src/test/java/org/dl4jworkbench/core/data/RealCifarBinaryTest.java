package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CIFAR-10 reaches training through both of its forms: a slice of the real photos
 * (../shared/data's JPEGs) opened as an image folder, and the same slice written here as the
 * official binary batches and opened as {@code cifar10:}. Both give the same images and
 * labels, and a template trains on the binary form.
 */
class RealCifarBinaryTest {

    @TempDir
    static Path dir;

    static Dataset folder;
    static Dataset binary;

    @BeforeAll
    static void writeBothForms() throws Exception {
        Path photos = RealPhotos.cifarFolder(dir.resolve("photos"), Cifar10Reader.CLASS_NAMES, 30, 10);
        folder = Datasets.open("folder:" + photos,
                DatasetOptions.defaults().withSize(32, 32, 3).withCacheDir(dir.resolve("cache")));
        Path batches = Files.createDirectories(dir.resolve("binary"));
        write(batches.resolve("data_batch_1.bin"), folder.train());
        write(batches.resolve("test_batch.bin"), folder.test());
        Files.writeString(batches.resolve("batches.meta.txt"),
                String.join("\n", folder.train().classNames()) + "\n", StandardCharsets.US_ASCII);
        binary = Datasets.open("cifar10:" + batches);
    }

    /** CIFAR-10's binary record: the label byte, then the red, green and blue planes of 32x32. */
    private static void write(Path file, ImageSet images) throws IOException {
        byte[] record = new byte[1 + images.imageSize()];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < images.size(); i++) {
                record[0] = (byte) images.label(i);
                images.copyBytes(i, record, 1);
                out.write(record);
            }
        }
    }

    @Test
    void theFolderOfRealPhotosHasCifarsClassesInCifarsOrder() {
        assertThat(folder.train().classNames()).isEqualTo(Cifar10Reader.CLASS_NAMES);
        assertThat(folder.train().size()).isEqualTo(300);
        assertThat(folder.test().size()).isEqualTo(100);
    }

    @Test
    void theBinaryBatchesHoldTheSamePhotosAndLabels() {
        for (var pair : new ImageSet[][] {{folder.train(), binary.train()}, {folder.test(), binary.test()}}) {
            ImageSet photos = pair[0];
            ImageSet batches = pair[1];
            assertThat(batches.size()).isEqualTo(photos.size());
            assertThat(batches.classNames()).isEqualTo(photos.classNames());
            byte[] a = new byte[photos.imageSize()];
            byte[] b = new byte[batches.imageSize()];
            for (int i = 0; i < photos.size(); i++) {
                assertThat(batches.label(i)).as("label of image %d", i).isEqualTo(photos.label(i));
                photos.copyBytes(i, a, 0);
                batches.copyBytes(i, b, 0);
                assertThat(b).as("pixels of image %d", i).isEqualTo(a);
            }
        }
    }

    @Test
    void aTemplateTrainsOnTheRealBinaryBatches() throws Exception {
        NetworkSpec template = Templates.find("cifar10-small").orElseThrow().spec();
        NetworkSpec spec = template.withTraining(template.training().withEpochs(2).withBatchSize(32));
        TrainingResult result = new Trainer(spec, binary).train(TrainingListener.NONE);
        assertThat(result.epochs()).hasSize(2);
        assertThat(result.epochs().get(1).trainLoss()).as("training loss falls")
                .isLessThan(result.epochs().get(0).trainLoss());
        assertThat(result.test().total()).isEqualTo(100);
    }
}
