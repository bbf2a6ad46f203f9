package org.dl4jworkbench.core.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pretrained MobileNet as it is, through the Predictor: ImageNet's classes for real photos. */
class PretrainedModelTest {

    @TempDir
    Path dir;

    @Test
    void mobileNetAsItIsNamesDogBreedsForRealDogPhotos() throws Exception {
        Path dataRoot = dir.resolve("data");
        Path target = PretrainedCatalog.MOBILENET_V1_075.modelFile(dataRoot);
        Files.createDirectories(target.getParent());
        Files.copy(SharedData.mobileNet(), target);

        LoadedModel model = Pretrained.model("mobilenet-v1-0.75", dataRoot);

        assertThat(model.spec()).isNull();
        assertThat(model.classNames()).hasSize(1000).isEqualTo(PretrainedCatalog.MOBILENET_V1_075.classNames());
        assertThat(model.input()).hasToString("224x224x3");
        assertThat(model.normalizer().kind()).isEqualTo("symmetric");
        assertThat(model.metadata().kerasImport().file()).isEqualTo("mobilenet_v1_0.75_224_imagenet.h5");
        assertThat(model.network().channelsLast()).isTrue();

        Path photos = RealPhotos.cifarFolder(dir.resolve("photos"), List.of("dog"), 0, 10);
        var predictor = new Predictor(model);
        int breeds = 0;
        List<Path> dogs;
        try (Stream<Path> files = Files.list(photos.resolve("test").resolve("dog"))) {
            dogs = files.sorted().toList();
        }
        for (Path photo : dogs) {
            Prediction p = predictor.predict(photo, 5);
            assertThat(java.util.Arrays.stream(p.probabilities()).sum()).isCloseTo(1.0, within(1e-3));
            if (p.top().stream().anyMatch(c -> c.index() >= 151 && c.index() <= 268)) { // ImageNet's dog breeds
                breeds++;
            }
        }
        // MobileNetImportTest measures 20 of 30 for the graph itself; chance is about 47% for one photo.
        assertThat(breeds).as("dogs with a dog breed in the top 5").isGreaterThanOrEqualTo(6);
    }
}
