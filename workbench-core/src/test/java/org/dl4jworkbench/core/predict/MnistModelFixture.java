package org.dl4jworkbench.core.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * A real model for prediction tests: the mlp template trained for one epoch on mnist-mini
 * with large batches (a few seconds; about 90% test accuracy), saved as the workbench saves
 * models, and the test digits to feed it as PNG files. Shared with workbench-app's tests.
 */
public final class MnistModelFixture {

    /** The model file and the dataset's test split (its images were never trained on). */
    public record TrainedModel(Path file, ImageSet test) {
    }

    private MnistModelFixture() {
    }

    public static TrainedModel trainMlp(Path dir) throws Exception {
        Dataset data = Datasets.open("mnist-mini");
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        NetworkSpec spec = mlp.withTraining(mlp.training().withEpochs(1).withBatchSize(100));
        return new TrainedModel(trainAndSave(spec, data, dir.resolve("mlp-model.zip")), data.test());
    }

    /**
     * Trains a network for 28x28 gray digits on {@code data} as its training settings say and
     * saves it as the workbench saves models (the other digit fixtures train through this).
     */
    public static Path trainAndSave(NetworkSpec spec, Dataset data, Path file) throws Exception {
        TrainingResult result = new Trainer(spec, data).train(TrainingListener.NONE);
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", Instant.now().toString(),
                data.classNames(), 28, 28, 1, result.normalizer(), data.name(), 1, 0.0, SpecJson.toTree(spec));
        ModelFiles.save(result.network(), metadata, file);
        return file;
    }

    /** Writes image {@code index} of a gray set as an 8-bit gray PNG: white ink on black, as MNIST stores it. */
    public static Path writeDigit(ImageSet set, int index, Path file) throws IOException {
        byte[] pixels = new byte[set.imageSize()];
        set.copyBytes(index, pixels, 0);
        var image = new BufferedImage(set.width(), set.height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, set.width(), set.height(), pixels);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
