package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.sweep.SweepFolder;
import org.dl4jworkbench.core.sweep.SweepState;
import org.dl4jworkbench.core.sweep.TrialState;
import org.dl4jworkbench.core.sweep.TrialStatus;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL while a trial trains takes its trial processes with it, and
 * {@code sweep --resume} ends it: every trial accounted for, the trial that had finished its
 * rung not trained again, the one caught training trained again.
 */
class SweepResumeAfterKillTest {

    @Test
    void killedSweepResumesWithoutRetrainingFinishedTrials(@TempDir Path dir) throws Exception {
        Path data = MnistSlice.write(dir.resolve("digits"), 1000, 200);
        Path out = dir.resolve("sweep");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sweep = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.dl4jworkbench.app.Main", "sweep", "--template", "lenet", "--dataset", "idx:" + data,
                "--vary", "learning_rate=1e-3,3e-3", "--vary", "batch_size=32,64", "--epochs", "2", "--eta", "2",
                "--parallel", "1", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sweep.log").toFile()).start();
        List<ProcessHandle> trials;
        try {
            String training = waitForSecondTrialTraining(out, sweep);
            trials = sweep.descendants().toList();
            assertThat(trials).as("the process training " + training).isNotEmpty();
        } finally {
            sweep.destroyForcibly(); // SIGKILL: no shutdown hook stops the trials
            sweep.waitFor(30, TimeUnit.SECONDS);
        }
        for (ProcessHandle trial : trials) { // they end with the sweep instead of training on
            assertThat(trial.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        // Killed before it could finish its epoch: the orphan did not train on to the end.
        assertThat(out.resolve("trial-2").resolve(RunFolder.MODEL)).doesNotExist();
        SweepState killed = SweepFolder.open(out).read();
        TrialState first = killed.trials().get(0);
        assertThat(first.epochs()).isEqualTo(1);
        assertThat(killed.trials().stream().filter(t -> t.status() == TrialStatus.RUNNING)).hasSize(1);
        String firstLog = Files.readString(out.resolve("logs/trial-1.log"), StandardCharsets.UTF_8);

        CommandLineTest.Run resumed = CommandLineTest.run("sweep", "--resume", out.toString(), "--parallel", "2");
        assertThat(resumed.exitCode()).as(resumed.err() + resumed.out()).isZero();
        List<String> lines = resumed.out().strip().lines().toList();
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.get("trials")).hasSize(4);
        assertThat(lines.stream().filter(l -> l.startsWith("trial-"))).hasSize(4);
        int stopped = 0;
        for (JsonNode t : json.get("trials")) {
            String status = t.get("status").asText();
            assertThat(status).as(t.toString()).isIn("done", "stopped");
            stopped += status.equals("stopped") ? 1 : 0;
            int epochs = t.get("epochs").asInt();
            assertThat(RunFolder.open(Path.of(t.get("run").asText())).readEpochs()).extracting(e -> e.epoch())
                    .containsExactlyElementsOf(epochs == 2 ? List.of(1, 2) : List.of(1));
        }
        assertThat(stopped).isEqualTo(2);

        // trial-1 had finished its first rung: never started from scratch again, at most extended.
        String firstLogAfter = Files.readString(out.resolve("logs/trial-1.log"), StandardCharsets.UTF_8);
        assertThat(firstLogAfter).startsWith(firstLog);
        assertThat(launches(firstLogAfter, "--spec")).isEqualTo(1);
        assertThat(launches(firstLogAfter.substring(firstLog.length()), "--spec")).isZero();
        // trial-2 was caught training: trained again after the resume.
        String secondLog = Files.readString(out.resolve("logs/trial-2.log"), StandardCharsets.UTF_8);
        assertThat(launches(secondLog, "")).isGreaterThanOrEqualTo(2);
    }

    /** Waits until trial-1 has finished its rung and trial-2's process trains; returns trial-2's id. */
    private static String waitForSecondTrialTraining(Path out, Process sweep) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!sweep.isAlive()) {
                throw new AssertionError("the sweep ended early with " + sweep.exitValue());
            }
            Path state = out.resolve(SweepFolder.STATE);
            if (Files.exists(state)) {
                SweepState s = Json.mapper().readValue(state.toFile(), SweepState.class);
                TrialState second = s.trials().get(1);
                if (s.trials().get(0).epochs() == 1 && second.status() == TrialStatus.RUNNING
                        && Files.exists(out.resolve("logs/trial-2.log")) && sweep.descendants().findAny().isPresent()) {
                    Thread.sleep(2000); // into the trial's start, before its first checkpoint
                    return second.id();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("trial-2 did not start within 4 minutes");
    }

    private static long launches(String log, String with) {
        return log.lines().filter(l -> l.startsWith("== ") && l.contains(with)).count();
    }
}
