package org.dl4jworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that says "running" is listed as running only while a process holds its lock: one
 * whose trainer was killed a moment ago is interrupted at once (the Runs tab then offers to
 * resume it), not ten minutes later.
 */
class RunEntryStatusTest {

    @TempDir
    Path dir;

    private static RunSummary running() {
        return new RunSummary(RunSummary.FORMAT_VERSION, "mlp", "mnist-mini", RunSummary.RUNNING, null, 1, 3, 1,
                0.9, 0.3, null, 10, 100, Instant.now().toString(), null, "test");
    }

    @Test
    void aRunningRunIsRunningWhileItsLockIsHeldAndInterruptedOnceNoProcessHoldsIt() throws Exception {
        RunFolder run = RunFolder.at(dir.resolve("20261201-120000-mlp"));
        run.writeSpec(Templates.find("mlp").orElseThrow().spec());
        run.writeSummary(running());
        try (RunLock lock = run.lock()) {
            assertThat(RunEntry.read(run.dir(), Instant.now()).orElseThrow().status())
                    .isEqualTo(RunSummary.RUNNING);
        }
        // the files were written a moment ago, but the lock is free: its trainer is gone
        assertThat(RunEntry.read(run.dir(), Instant.now()).orElseThrow().status()).isEqualTo(RunEntry.INTERRUPTED);
    }

    @Test
    void aRunFromBeforeTheLockKeepsTheStalenessRule() throws Exception {
        RunFolder run = RunFolder.at(dir.resolve("20261201-120000-mlp"));
        run.writeSpec(Templates.find("mlp").orElseThrow().spec());
        run.writeSummary(running());
        assertThat(RunEntry.read(run.dir(), Instant.now()).orElseThrow().status()).isEqualTo(RunSummary.RUNNING);
        assertThat(RunEntry.read(run.dir(), Instant.now().plus(RunEntry.STALE_AFTER).plusSeconds(60)).orElseThrow()
                .status()).isEqualTo(RunEntry.INTERRUPTED);
    }
}
