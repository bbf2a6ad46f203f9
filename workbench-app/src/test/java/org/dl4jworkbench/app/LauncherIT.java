package org.dl4jworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./workbench} where the window cannot start: a message that says why and what to do,
 * exit code 1, and no stack trace. Runs the launcher as built ({@code WORKBENCH_NOBUILD=1}).
 */
class LauncherIT {

    @TempDir
    Path settings;

    @Test
    void withoutDisplaySaysHowToGetOne() throws Exception {
        var env = launcherEnv();
        env.put("DISPLAY", null);

        var result = WindowProcesses.run(List.of("./workbench"), env, 120);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("the window cannot start", "DISPLAY is not set",
                "xvfb-run -a ./workbench", "./workbench --help");
        assertNoTrace(result.output());
    }

    @Test
    void withoutGtkSaysWhichPackageToInstall(@TempDir Path noGtk) throws Exception {
        WindowProcesses.requireTools(false, "Xvfb");
        // Where GTK is installed, an empty libgtk-3.so.0 ahead of it on the library path fails to
        // load as a missing one does (JavaFX says "Unable to load glass GTK library" either way).
        Files.createFile(noGtk.resolve("libgtk-3.so.0"));
        try (var screen = new WindowProcesses.VirtualScreen()) {
            var env = launcherEnv();
            env.put("DISPLAY", screen.display);
            env.put("LD_LIBRARY_PATH", noGtk.toString());

            var result = WindowProcesses.run(List.of("./workbench"), env, 120);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output()).contains("the window cannot start", "GTK 3",
                    "sudo apt-get install libgtk-3-0", "./workbench --help");
            assertNoTrace(result.output());
        }
    }

    private Map<String, String> launcherEnv() {
        var env = new HashMap<String, String>();
        env.put("WORKBENCH_NOBUILD", "1");
        env.put("WORKBENCH_SETTINGS", settings.toString());
        return env;
    }

    private static void assertNoTrace(String output) {
        assertThat(output).doesNotContain("Exception", "\tat ");
    }
}
