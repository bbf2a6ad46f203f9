package org.dl4jworkbench.app.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Keras import, without JavaFX: class names that are not one per output are refused, nothing written. */
class ModelSourcesTest {

    @TempDir
    Path dir;

    @Test
    void classNamesThatAreNotOnePerOutputSayHowManyTheModelHas() {
        Path out = dir.resolve("mobilenet.zip");
        var request = new KerasRequest(SharedData.mobileNet(), null, Normalization.SYMMETRIC, List.of("cat", "dog"),
                out);
        assertThatThrownBy(() -> ModelSources.keras(request)).isInstanceOf(KerasImportException.class)
                .hasMessage("mobilenet_v1_0.75_224_imagenet.h5 has 1,000 outputs, but 2 class names were given; give "
                        + "one name per output, in the model's order, or leave the class names blank for 0 to 999.");
        assertThat(out).doesNotExist();
    }
}
