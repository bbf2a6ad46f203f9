package org.dl4jworkbench.app.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class names the Keras import dialog reads from its one field, without JavaFX. */
class KerasImportDialogTest {

    @Test
    void blankMeansZeroToNMinusOne() {
        assertThat(KerasImportDialog.parse("  ")).isEqualTo(new KerasImportDialog.ClassNames(null, null));
    }

    @Test
    void namesAreCommaSeparatedAndTrimmed() {
        assertThat(KerasImportDialog.parse(" cat, dog ,bird").names()).containsExactly("cat", "dog", "bird");
    }

    @Test
    void anEmptyOrRepeatedNameIsAProblemThatSaysWhich() {
        assertThat(KerasImportDialog.parse("cat,,dog").problem()).startsWith("Name 2 of 3 is empty");
        assertThat(KerasImportDialog.parse("cat, dog,").problem()).startsWith("Name 3 of 3 is empty");
        assertThat(KerasImportDialog.parse("cat, cat").problem()).isEqualTo("\"cat\" is given twice: each output "
                + "needs its own name.");
    }
}
