package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL (kill -9) in the middle of an epoch resumes from its last
 * checkpoint with {@code train --resume} and ends where an uninterrupted run with the same
 * seed ends; its logged curves continue without gaps or repeats.
 */
class ResumeAfterKillTest {

    private static final String[] TRAIN = {"train", "--template", "mlp", "--epochs", "6", "--batch", "64"};

    @Test
    void killedRunResumesAndEndsLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path killed = dir.resolve("killed");
        Process child = new ProcessBuilder(command(killed)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            waitForCheckpoint(killed, 2, child);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing is saved on the way out
            child.waitFor(30, TimeUnit.SECONDS);
        }
        RunFolder run = RunFolder.open(killed);
        assertThat(run.model()).doesNotExist();
        assertThat(run.readSummary().status()).isEqualTo("running");

        CommandLineTest.Run resumed = CommandLineTest.run("train", "--resume", killed.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).containsPattern("Resuming .* after epoch [2-5] of 6");
        CommandLineTest.Run straight = CommandLineTest.run(with(TRAIN, "--out", dir.resolve("straight").toString()));
        assertThat(straight.exitCode()).as(straight.err()).isZero();

        double a = lastJson(resumed).get("test_accuracy").asDouble();
        double b = lastJson(straight).get("test_accuracy").asDouble();
        assertThat(a).isCloseTo(b, within(0.01));
        assertThat(run.readSummary().status()).isEqualTo("completed");
        assertThat(run.readEpochs()).extracting(e -> e.epoch()).containsExactly(1, 2, 3, 4, 5, 6);
        List<IterationRecord> iterations = run.readIterations();
        for (int i = 0; i < iterations.size(); i++) {
            assertThat(iterations.get(i).iteration()).isEqualTo(i + 1L); // no gap, no repeat
        }
        assertThat(run.model()).exists();
    }

    private static List<String> command(Path out) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(with(new String[] {java, "-cp", System.getProperty("java.class.path"),
            "org.dl4jworkbench.app.Main"}, with(TRAIN, "--out", out.toString())));
    }

    private static void waitForCheckpoint(Path run, int epoch, Process child) throws Exception {
        Path state = run.resolve(RunFolder.CHECKPOINTS).resolve("state.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the training process ended early with " + child.exitValue());
            }
            if (Files.exists(state) && Json.mapper().readTree(state.toFile()).get("epoch").asInt() >= epoch) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint of epoch " + epoch + " within 3 minutes");
    }

    private static JsonNode lastJson(CommandLineTest.Run run) throws Exception {
        return Json.mapper().readTree(run.out().strip().lines().reduce((x, y) -> y).orElseThrow());
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
