package org.dl4jworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class BatchSourceTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static ImageSet tenImages() {
        byte[] pixels = new byte[10 * 4];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) (i * 20));
            labels[i] = i % 3;
        }
        return ImageSet.of(pixels, labels, 2, 2, 1, List.of("a", "b", "c"));
    }

    @Test
    void deliversEveryImageOnceInTheGivenOrderWithOneHotLabels() {
        ImageSet set = tenImages();
        int[] order = {9, 0, 5, 1, 2, 3, 4, 6, 7, 8};
        try (var source = new BatchSource(set, order, 4, Normalizer.scale(), new Augmenter(AugmentationSpec.NONE),
                1, executor)) {
            int seen = 0;
            int batches = 0;
            while (source.hasNext()) {
                DataSet batch = source.next();
                for (int i = 0; i < batch.numExamples(); i++) {
                    int image = order[seen++];
                    assertThat(batch.getFeatures().getFloat(i, 0, 0, 0)).isCloseTo(image * 20 / 255f,
                            org.assertj.core.api.Assertions.within(1e-6f));
                    assertThat(batch.getLabels().getFloat(i, image % 3)).isEqualTo(1f);
                    assertThat(batch.getLabels().sumNumber().intValue()).isEqualTo(batch.numExamples());
                }
                batches++;
            }
            assertThat(seen).isEqualTo(10);
            assertThat(batches).isEqualTo(3); // 4 + 4 + 2
        }
    }

    @Test
    void closingEarlyStopsThePreparingThread() throws Exception {
        int[] order = Batches.identity(10);
        try (var source = new BatchSource(tenImages(), order, 1, Normalizer.scale(), null, 1, executor)) {
            assertThat(source.hasNext()).isTrue();
            source.next();
        }
        // the executor's only thread is free again for the next epoch
        assertThat(executor.submit(() -> 42).get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(42);
    }
}
