package org.dl4jworkbench.app;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the launcher and the X tools for the tests of the real window (the {@code *IT} classes,
 * run after {@code package}: they start {@code ./workbench} as built).
 */
final class WindowProcesses {

    /** The tools and packages the window tests need (scripts/test installs them as root). */
    static final String PACKAGES = "xvfb openbox xdotool wmctrl x11-utils imagemagick libgtk-3-0";

    record Result(int exitCode, String output) {
    }

    private WindowProcesses() {
    }

    static Path root() {
        return Path.of(System.getProperty("workbench.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Skips the test where the machine lacks {@code commands} or GTK, except on CI ({@code CI} set),
     * where a window test that quietly skipped would hide a broken window.
     */
    static void requireTools(boolean gtk, String... commands) {
        var missing = new ArrayList<String>();
        for (String command : commands) {
            if (!onPath(command)) {
                missing.add(command);
            }
        }
        if (gtk && !hasGtk()) {
            missing.add("libgtk-3.so.0");
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "the window tests need " + missing + ": apt-get install " + PACKAGES
                + " (scripts/test installs them when run as root)";
        if (System.getenv("CI") != null) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasGtk() {
        try {
            return run(List.of("/sbin/ldconfig", "-p"), Map.of(), 20).output().contains("libgtk-3.so.0");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code command} in the project root with {@code env} added (a null value removes a variable). */
    static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException {
        var builder = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        try {
            var output = new StringBuilder();
            var reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(line -> output.append(line).append('\n'));
                } catch (IOException e) {
                    output.append("(output lost: ").append(e.getMessage()).append(")\n");
                }
            }, "window-test-output");
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                reader.join(5000);
                fail("%s did not finish within %d s; its output:%n%s", command, timeoutSeconds, output);
            }
            reader.join(5000);
            return new Result(process.exitValue(), output.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    /** An Xvfb server on a free display; close() stops it. */
    static final class VirtualScreen implements AutoCloseable {
        private final Process xvfb;
        final String display;

        VirtualScreen() throws IOException {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            var in = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
            String number = in.readLine(); // Xvfb writes the display number once it accepts clients
            if (number == null) {
                xvfb.destroyForcibly();
                throw new IOException("Xvfb did not start");
            }
            display = ":" + number.trim();
        }

        @Override
        public void close() throws InterruptedException {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
