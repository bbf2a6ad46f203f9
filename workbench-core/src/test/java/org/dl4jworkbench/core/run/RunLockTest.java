package org.dl4jworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two workbenches train one run folder at once: a run holds its folder's lock from its
 * start to the end of its training, in this process and against others, and a killed
 * trainer leaves the run free to resume at once.
 */
class RunLockTest {

    static Dataset data;
    static NetworkSpec spec;

    @TempDir
    Path dir;

    @BeforeAll
    static void smallData() throws Exception {
        Dataset mini = Datasets.open("mnist-mini");
        data = new Dataset(mini.name(), mini.train().head(64), mini.test().head(16));
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        spec = mlp.withTraining(mlp.training().withEpochs(1).withBatchSize(16));
    }

    @Test
    void aSecondRunIntoAFolderBeingTrainedIsRefusedUntilTheFirstEnds() throws Exception {
        Path run = dir.resolve("run");
        TrainingRun first = TrainingRun.start(spec, data, "mnist-mini", run, null, "test");
        long self = ProcessHandle.current().pid();

        RunLockedException refused = catchThrowableOfType(RunLockedException.class,
                () -> TrainingRun.start(spec, data, "mnist-mini", run, null, "test"));
        assertThat(refused).isNotNull();
        assertThat(refused.pid()).isEqualTo(self);
        assertThat(refused.getMessage()).isEqualTo(run + ": this run is being trained by this workbench (pid " + self
                + "); wait for it to end or stop it there, then try again");
        assertThat(RunFolder.open(run).trainingProcess()).hasValue(self);

        first.execute(TrainingListener.NONE, RunFolderListener.NONE, w -> { });
        assertThat(RunFolder.open(run).trainingProcess()).isEmpty();
        assertThat(RunFolder.open(run).readSummary().status()).isEqualTo(RunSummary.COMPLETED);

        // once it has ended, the run resumes (here: trains one more epoch), holding the lock meanwhile
        TrainingRun second = ResumePlan.extend(run, 1).start(data, "test");
        ResumeException busy = catchThrowableOfType(ResumeException.class, () -> ResumePlan.extend(run, 1));
        assertThat(busy.reason()).isEqualTo(ResumeException.Reason.BEING_TRAINED);
        assertThat(busy.getMessage()).contains("this run is being trained by this workbench (pid " + self + ")");
        second.execute(TrainingListener.NONE, RunFolderListener.NONE, w -> { });
        assertThat(RunFolder.open(run).readEpochs()).extracting(e -> e.epoch()).containsExactly(1, 2);
        assertThat(RunFolder.open(run).trainingProcess()).isEmpty();
    }

    @Test
    void aRunLockedByAnotherProcessIsRefusedWithItsIdAndFreeOnceThatProcessIsKilled() throws Exception {
        Path run = dir.resolve("run");
        TrainingRun.start(spec, data, "mnist-mini", run, null, "test")
                .execute(TrainingListener.NONE, RunFolderListener.NONE, w -> { });
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                RunLockHolder.class.getName(), run.toString())).redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            ResumeException e = catchThrowableOfType(ResumeException.class, () -> ResumePlan.extend(run, 1));
            assertThat(e.reason()).isEqualTo(ResumeException.Reason.BEING_TRAINED);
            assertThat(e.getMessage()).isEqualTo(run + ": this run is being trained by another workbench (pid "
                    + other.pid() + "); wait for it to end or stop it there, then try again");
            RunLockedException locked = catchThrowableOfType(RunLockedException.class,
                    () -> TrainingRun.start(spec, data, "mnist-mini", run, null, "test"));
            assertThat(locked.pid()).isEqualTo(other.pid());
        } finally {
            other.destroyForcibly(); // as kill -9: the operating system drops its lock
            other.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(RunFolder.open(run).trainingProcess()).isEmpty();
        ResumePlan.extend(run, 1).start(data, "test").execute(TrainingListener.NONE, RunFolderListener.NONE,
                w -> { });
        assertThat(RunFolder.open(run).readEpochs()).extracting(e -> e.epoch()).containsExactly(1, 2);
    }

    /** Another workbench: takes a run's lock, says so, and holds it until killed. */
    public static final class RunLockHolder {
        public static void main(String[] args) throws Exception {
            RunLock lock = RunFolder.open(Path.of(args[0])).lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            lock.close();
        }
    }
}
