package org.dl4jworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The messages for a window that cannot start; the real thing runs in {@code LauncherIT}. */
class WindowStartFailureTest {

    @Test
    void missingGtkSaysWhichPackageToInstall() {
        // As Application.launch throws it when libglassgtk3.so cannot load libgtk-3.so.0.
        var failure = new UnsupportedOperationException("Unable to load glass GTK library.");

        assertThat(WindowStartFailure.explain(failure, ":0")).hasValueSatisfying(message -> assertThat(message)
                .contains("GTK 3", "apt-get install libgtk-3-0", "./workbench --help")
                .doesNotContain("Exception"));
    }

    @Test
    void missingDisplaySaysHowToGetOne() {
        var failure = new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"));

        assertThat(WindowStartFailure.explain(failure, null)).hasValueSatisfying(message -> assertThat(message)
                .contains("DISPLAY is not set", "xvfb-run -a ./workbench", "./workbench --help"));
        assertThat(WindowStartFailure.explain(failure, ":7")).hasValueSatisfying(message -> assertThat(message)
                .contains("the display ':7' (DISPLAY) cannot be opened"));
    }

    @Test
    void messagesNameTheInstalledCommand() {
        var noGtk = new UnsupportedOperationException("Unable to load glass GTK library.");
        var noDisplay = new UnsupportedOperationException("Unable to open DISPLAY");

        assertThat(WindowStartFailure.explain(noGtk, ":0", "dl4j-workbench")).hasValueSatisfying(message -> assertThat(message)
                .contains("start dl4j-workbench again", "dl4j-workbench --help").doesNotContain("./workbench"));
        assertThat(WindowStartFailure.explain(noDisplay, null, "dl4j-workbench")).hasValueSatisfying(message -> assertThat(message)
                .contains("xvfb-run -a dl4j-workbench", "dl4j-workbench --help").doesNotContain("./workbench"));
    }

    @Test
    void otherFailuresAreLeftToTheirTrace() {
        var inStart = new RuntimeException("Exception in Application start method",
                new IllegalStateException("DISPLAY of results failed"));

        assertThat(WindowStartFailure.explain(inStart, ":0")).isEmpty();
        assertThat(WindowStartFailure.explain(new UnsupportedOperationException("no"), ":0")).isEmpty();
    }
}
