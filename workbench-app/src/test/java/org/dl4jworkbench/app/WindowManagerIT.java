package org.dl4jworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real window ({@code ./workbench}) under Xvfb and openbox, through scripts/wm-check.sh: it
 * opens at a sensible size and is laid out for it, keeps it while the template dialog (with its
 * OK and Cancel) is open, and when maximized fills the screen with its side panes unsqueezed.
 * JavaFX 21 failed this (a 200x200 window, JDK-8316423); see docs/decisions/0005.
 */
class WindowManagerIT {

    @Test
    void windowKeepsItsSizeUnderAWindowManager() throws Exception {
        WindowProcesses.requireTools(true, "Xvfb", "openbox", "xdotool", "wmctrl", "xprop", "xwininfo", "import",
                "compare");
        Path shots = Path.of("target", "wm-check").toAbsolutePath();

        var result = WindowProcesses.run(List.of("scripts/wm-check.sh", shots.toString()), Map.of(), 180);

        System.out.println(result.output()); // sizes and timings, in the test's report
        assertThat(result.exitCode()).as("scripts/wm-check.sh (screenshots in %s):%n%s", shots, result.output())
                .isZero();
        assertThat(result.output()).contains("wm-check: passed");
    }
}
