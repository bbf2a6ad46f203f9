package org.dl4jworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.dl4jworkbench.core.train.IterationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's iteration rows reach its folder within about a second, not only at the epoch's end:
 * a window following a run on Spark, or a sweep's trial, reads the curve from there while the
 * epoch goes on (LeNet's 282 minibatches an epoch never reached the 500 rows of a batch).
 */
class RunRecorderTest {

    @Test
    void iterationRowsAreWrittenOnceASecondHasPassed(@TempDir Path dir) throws Exception {
        RunFolder folder = RunFolder.at(dir.resolve("run"));
        var now = new AtomicLong();
        var recorder = new RunRecorder(folder, "lenet", "mnist-mini", "CPU", 1, null, now::get);
        recorder.start();
        recorder.onIteration(iteration(1));
        now.addAndGet(400_000_000L);
        recorder.onIteration(iteration(2));
        assertThat(folder.readIterations()).isEmpty(); // 0.4 s: they wait, as before

        now.addAndGet(700_000_000L);
        recorder.onIteration(iteration(3)); // 1.1 s after the start: all three go
        assertThat(folder.readIterations()).extracting(IterationRecord::iteration).containsExactly(1L, 2L, 3L);

        now.addAndGet(100_000_000L);
        recorder.onIteration(iteration(4));
        assertThat(folder.readIterations()).hasSize(3);
        now.addAndGet(1_000_000_000L);
        recorder.onIteration(iteration(5));
        assertThat(folder.readIterations()).extracting(IterationRecord::iteration).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private static IterationEvent iteration(long i) {
        return new IterationEvent(1, 1, (int) i, 282, i, 2.0 / i, 0.002, 1000, Duration.ZERO);
    }
}
