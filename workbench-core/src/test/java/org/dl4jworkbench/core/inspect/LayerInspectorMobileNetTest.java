package org.dl4jworkbench.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dl4jworkbench.core.analysis.Shape;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inside the pretrained MobileNet (a graph imported from Keras, channels-last) for a real photo. */
class LayerInspectorMobileNetTest {

    @TempDir
    Path dir;

    @Test
    void everyLayerOfMobileNetShowsForARealPhotoAndTheLastIsItsPrediction() throws Exception {
        Path dataRoot = dir.resolve("data");
        Path target = PretrainedCatalog.MOBILENET_V1_075.modelFile(dataRoot);
        Files.createDirectories(target.getParent());
        Files.copy(SharedData.mobileNet(), target);
        LoadedModel model = Pretrained.model("mobilenet-v1-0.75", dataRoot);
        var predictor = new Predictor(model);
        Path photos = RealPhotos.cifarFolder(dir.resolve("photos"), List.of("dog"), 0, 1);
        Path photo;
        try (Stream<Path> files = Files.list(photos.resolve("test").resolve("dog"))) {
            photo = files.sorted().findFirst().orElseThrow();
        }

        NetworkInspection inspection = LayerInspector.inspect(predictor, photo);

        FilterImages filters = inspection.firstFilters().orElseThrow();
        assertThat(filters.channels()).isEqualTo(3);
        assertThat(filters.height()).isEqualTo(3);
        assertThat(filters.count()).isEqualTo(24); // 32 filters at width 0.75
        LayerOutput first = inspection.layers().get(0);
        assertThat(first.shape()).isEqualTo(Shape.image(112, 112, 24));
        assertThat(first.maps()).hasSize(24).allMatch(m -> m.height() <= LayerInspector.MAX_MAP_SIDE);
        assertThat(inspection.layers()).extracting(LayerOutput::type).contains("depthwise convolution", "batch norm");
        assertThat(inspection.layers()).filteredOn(l -> l.hasMaps() && l.shape().channels() > LayerInspector.MAX_MAPS)
                .isNotEmpty().allMatch(l -> l.maps().size() == LayerInspector.MAX_MAPS && l.mapsLeftOut() > 0);
        assertThat(inspection.note()).contains("feature maps not shown");

        LayerOutput last = inspection.layers().get(inspection.layers().size() - 1);
        assertThat(last.hasMaps()).isFalse();
        assertThat(last.labels()).hasSize(1000);
        double[] predicted = predictor.predict(photo, 1).probabilities();
        float[] values = last.values();
        for (int k = 0; k < 1000; k++) {
            assertThat((double) values[k]).isCloseTo(predicted[k], within(1e-5));
        }
        assertThat(inspection.layers()).hasSize(85);
    }
}
