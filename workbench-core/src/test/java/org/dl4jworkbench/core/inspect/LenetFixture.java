package org.dl4jworkbench.core.inspect;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;

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
        Path file = MnistModelFixture.trainAndSave(spec, data, dir.resolve("lenet-model.zip"));
        return new TrainedLenet(file, spec, data.test());
    }
}
