package org.dl4jworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.Checkpoints;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a run, as the command line and the window do it: what can be resumed continues
 * where it stopped; what cannot says why, before any data is loaded where it can. A run
 * folder may come from someone else: the checkpoint files its {@code state.json} names must
 * be files of its checkpoints folder.
 */
class ResumePlanTest {

    @TempDir
    static Path shared;
    static Dataset data;
    static NetworkSpec spec;
    /** A run of one epoch, done: the original, copied for each test. */
    static Path finished;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOneEpoch() throws Exception {
        Dataset mini = Datasets.open("mnist-mini");
        data = new Dataset(mini.name(), mini.train().head(64), mini.test().head(16));
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        spec = mlp.withTraining(mlp.training().withEpochs(1).withBatchSize(16));
        finished = shared.resolve("run");
        TrainingRun.start(spec, data, "mnist-mini", finished, null, "test")
                .execute(TrainingListener.NONE, RunFolderListener.NONE, w -> { });
    }

    @Test
    void aStoppedRunContinuesToTheEpochsAskedFor() throws Exception {
        Path run = copy(finished);
        ResumePlan plan = ResumePlan.of(run, 3);
        assertThat(plan.state().epoch()).isEqualTo(1);
        assertThat(plan.spec().training().epochs()).isEqualTo(3);
        assertThat(plan.dataset().spec()).isEqualTo("mnist-mini");

        plan.start(data, "test").execute(TrainingListener.NONE, RunFolderListener.NONE, w -> { });
        RunFolder folder = RunFolder.open(run);
        assertThat(folder.readEpochs()).extracting(e -> e.epoch()).containsExactly(1, 2, 3);
        assertThat(folder.readSpec().training().epochs()).isEqualTo(3);
        assertThat(folder.readSummary().status()).isEqualTo(RunSummary.COMPLETED);
    }

    @Test
    void aRunWithAllItsEpochsDoneSaysToAskForMore() {
        assertThat(refusal(copy(finished), null)).endsWith(": nothing to resume, all 1 epochs are done. Give "
                + "--epochs with a larger number to train longer");
    }

    @Test
    void otherDataIsRefused() throws Exception {
        ResumePlan plan = ResumePlan.of(copy(finished), 2);
        Dataset other = new Dataset(data.name(), data.train().head(63), data.test());
        ResumeException e = catchThrowableOfType(ResumeException.class, () -> plan.start(other, "test"));
        assertThat(e.getMessage()).startsWith("mnist-mini: the data changed since the run started (fingerprint ")
                .contains("resuming would mix two datasets. Start a new run instead");
    }

    @Test
    void aFolderThatIsNoRunSaysSo() {
        assertThat(refusal(dir, 2)).startsWith(dir + ": not a run folder that can be resumed (");
    }

    @Test
    void aRunWithoutACheckpointSaysHowToStartAgain() throws Exception {
        Path run = copy(finished);
        Files.delete(run.resolve("checkpoints").resolve(Checkpoints.STATE));
        assertThat(refusal(run, 2)).contains("no checkpoint yet", "./workbench train --spec ");
    }

    @Test
    void checkpointPathsThatLeaveTheFolderAreRefused() throws Exception {
        Path outside = Files.copy(finished.resolve(RunFolder.MODEL), dir.resolve("elsewhere.zip"));
        for (String name : new String[] {"../../elsewhere.zip", outside.toAbsolutePath().toString(), "..",
            "sub/../../../elsewhere.zip", "..\\..\\elsewhere.zip"}) {
            for (String field : new String[] {"last_model", "best_model"}) {
                Path run = copy(finished);
                Path state = run.resolve("checkpoints").resolve(Checkpoints.STATE);
                ObjectNode tree = (ObjectNode) Json.mapper().readTree(state.toFile());
                assertThat(tree.has(field)).as(tree.toString()).isTrue();
                tree.put(field, name);
                Files.writeString(state, Json.mapper().writeValueAsString(tree));

                String message = refusal(run, 2);
                assertThat(message).as(name).contains(state.toString(), "naming a .zip file in",
                        "found '" + name + "'", "start a new run");
                IOException e = catchThrowableOfType(IOException.class,
                        () -> Trainer.resume(spec, data, run.resolve("checkpoints")));
                assertThat(e).as(name).hasMessageContaining("found '" + name + "'");
            }
        }
    }

    @Test
    void aCheckpointThatIsALinkOutOfTheFolderIsRefused() throws Exception {
        Path outside = Files.copy(finished.resolve(RunFolder.MODEL), dir.resolve("elsewhere.zip"));
        Path run = copy(finished);
        Path checkpoints = run.resolve("checkpoints");
        String last = new Checkpoints(checkpoints).readState().lastModel();
        Files.delete(checkpoints.resolve(last));
        Files.createSymbolicLink(checkpoints.resolve(last), outside);
        assertThat(refusal(run, 2)).contains("found '" + last + "', a link to " + outside.toRealPath());
    }

    private static String refusal(Path run, Integer epochs) {
        ResumeException e = catchThrowableOfType(ResumeException.class, () -> ResumePlan.of(run, epochs));
        assertThat(e).as("expected " + run + " to be refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("Exception");
        return e.getMessage();
    }

    private Path copy(Path run) {
        Path target = dir.resolve("copy-" + System.nanoTime());
        try (var files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }
}
