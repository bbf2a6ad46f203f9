package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dl4jworkbench.app.charts.RunFixtures;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that a workbench trains now (its training.lock is held, here by this process as the
 * window would hold it) is neither trained into nor resumed from the command line: a message
 * and exit code 2 before any data is loaded, never a trace.
 */
class TrainIntoLockedRunTest {

    @Test
    void trainOutAndResumeRefuseARunBeingTrained(@TempDir Path dir) throws Exception {
        RunFolder run = RunFixtures.write(dir.resolve("run"), RunFixtures.Options.of("mlp", 2, 3));
        long pid = ProcessHandle.current().pid();
        try (RunLock held = run.lock()) {
            CommandLineTest.Run out = CommandLineTest.run("train", "--template", "mlp", "--out",
                    run.dir().toString());
            assertThat(out.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
            assertThat(out.err()).contains("error: --out " + run.dir() + ": a workbench trains a run there now (pid "
                    + pid + "); wait for it to end or stop it, or choose another --out")
                    .doesNotContain("Loading dataset", "Exception");

            CommandLineTest.Run resume = CommandLineTest.run("train", "--resume", run.dir().toString());
            assertThat(resume.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
            assertThat(resume.err()).contains("error: " + run.dir() + ": this run is being trained by this workbench "
                    + "(pid " + pid + ")").doesNotContain("Loading dataset", "Exception");
        }
    }
}
