package org.dl4jworkbench.core.inspect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.IntStream;
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
 * A real LeNet for the layers view's tests: the lenet template trained one epoch on the first
 * 3,000 training images of mnist-mini (seconds; about 90% test accuracy), saved as the
 * workbench saves models. Shared with workbench-app's tests.
 */
public final class LenetFixture {

    /** The model file, the spec it was trained from, and the dataset's test split. */
    public record TrainedLenet(Path file, NetworkSpec spec, ImageSet test) {
    }

    private LenetFixture() {
    }

    public static TrainedLenet train(Path dir) throws Exception {
        Dataset mini = Datasets.open("mnist-mini");
        Dataset data = new Dataset(mini.name(), mini.train().subset(IntStream.range(0, 3000).toArray()), mini.test());
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        NetworkSpec spec = lenet.withTraining(lenet.training().withEpochs(1).withBatchSize(64));
        TrainingResult result = new Trainer(spec, data).train(TrainingListener.NONE);
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", Instant.now().toString(),
                data.classNames(), 28, 28, 1, result.normalizer(), data.name(), 1, 0.0, SpecJson.toTree(spec));
        Path file = dir.resolve("lenet-model.zip");
        ModelFiles.save(result.network(), metadata, file);
        return new TrainedLenet(file, spec, data.test());
    }
}
