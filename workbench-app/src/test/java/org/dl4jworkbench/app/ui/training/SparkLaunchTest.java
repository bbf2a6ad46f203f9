package org.dl4jworkbench.app.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dl4jworkbench.core.run.DatasetDescription;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.TrainingMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the window hands a run on Spark, without Spark: the master URLs it accepts and the
 * message for those it refuses, the command line it starts, the run folder read back as the
 * dashboard's iterations and epochs, and the message of a process that failed.
 */
class SparkLaunchTest {

    @TempDir
    Path dir;

    @Test
    void acceptsTheMastersSparkTrainTakesFromTheWindow() {
        for (String ok : List.of("local", "local[1]", "local[2]", "local[*]", "local[4,2]", "spark://10.0.0.5:7077",
                "spark://a:7077,b:7077", " local[2] ")) {
            assertThat(SparkMaster.problem(ok)).as(ok).isEmpty();
        }
    }

    @Test
    void refusesOtherMastersNamingTheField() {
        assertThat(SparkMaster.problem("locl[2]")).get().asString()
                .startsWith("Master URL: expected local[N], local[*] or spark://HOST:PORT").contains("\"locl[2]\"");
        assertThat(SparkMaster.problem("spark://host")).get().asString().startsWith("Master URL: expected");
        assertThat(SparkMaster.problem("")).get().asString().contains("found nothing");
        assertThat(SparkMaster.problem("yarn")).get().asString()
                .startsWith("Master URL: yarn starts through spark-submit, which the window does not run");
        assertThat(SparkMaster.problem("k8s://https://10.0.0.1:6443")).get().asString().contains("spark-submit");
    }

    @Test
    void startsTheLauncherWithTheMasterSpecDatasetAndRunFolder() {
        var launch = new SparkLaunch(Path.of("/src/wb"), "local[2]", Path.of("/p/runs/r1/.spark-network.json"),
                "folder:/data/flowers", Path.of("/p/runs/r1"));
        assertThat(launch.command()).containsExactly("/src/wb/workbench", "spark", "train", "--master", "local[2]",
                "--spec", "/p/runs/r1/.spark-network.json", "--dataset", "folder:/data/flowers", "--out",
                "/p/runs/r1");
    }

    @Test
    void feedsTheRowsAnotherProcessWritesToTheMonitorOnce() throws Exception {
        RunFolder run = RunFolder.at(dir.resolve("run"));
        TrainingSpec training = Templates.find(Templates.DEFAULT).orElseThrow().spec().training().withEpochs(2)
                .withBatchSize(100);
        var monitor = new TrainingMonitor();
        var feed = new RunFolderFeed(run, monitor, training);
        feed.poll(); // nothing written yet
        assertThat(monitor.since(TrainingMonitor.Cursor.START).isEmpty()).isTrue();

        run.writeDataset(new DatasetDescription("mnist-mini", "mnist-mini", "f", List.of("0", "1"), 950, 50, 200, 28,
                28, 1));
        run.appendIterations(List.of(new IterationRecord(1, 1, 1, 2.3, 0.01, 500),
                new IterationRecord(2, 1, 2, 2.1, 0.01, 500)));
        Files.writeString(run.file(RunFolder.ITERATIONS), "3,1,3,2.0", java.nio.file.StandardOpenOption.APPEND);
        feed.poll();
        var update = monitor.since(TrainingMonitor.Cursor.START);
        assertThat(update.iterations()).containsExactly(1, 2); // the row being written waits
        assertThat(update.latest().batches()).isEqualTo(10); // 950 training images in batches of 100
        assertThat(update.latest().epochs()).isEqualTo(2);
        assertThat(update.latest().eta()).isEqualTo(Duration.ofMillis(3600)); // 18 batches of 100 at 500/s

        Files.writeString(run.file(RunFolder.ITERATIONS), ",0.01,500.0\n", java.nio.file.StandardOpenOption.APPEND);
        run.appendEpoch(new EpochEvent(1, 0, 2.0, 0.5, 1.9, 0.6, 500, Duration.ofSeconds(2), Duration.ZERO));
        feed.poll();
        feed.poll();
        var next = monitor.since(update.next());
        assertThat(next.iterations()).containsExactly(3);
        assertThat(next.losses()[0]).isEqualTo(2.0f);
        assertThat(next.epochs()).singleElement().satisfies(e -> {
            assertThat(e.validationAccuracy()).isEqualTo(0.6);
            assertThat(e.epochs()).isEqualTo(2);
        });
    }

    @Test
    void aFailedProcessSaysItsLastErrorLine() throws Exception {
        Path log = dir.resolve("spark.log");
        Files.writeString(log, "Loading dataset mnist-mini ...\nerror: --master spark://x:1: cannot start Spark\n"
                + "more\n");
        var tail = new SparkRun.LogTail(log);
        assertThat(tail.poll()).isEqualTo("more");
        assertThat(tail.why(2)).isEqualTo("--master spark://x:1: cannot start Spark (exit code 2)");

        Path launcher = dir.resolve("launcher.log");
        Files.writeString(launcher, "workbench: Spark needs a JDK 17 (17 to 22), and found none.\nInstall one "
                + "under /usr/lib/jvm, or set SPARK_JAVA_HOME to it.\n");
        var jdk = new SparkRun.LogTail(launcher);
        jdk.poll();
        assertThat(jdk.why(1)).isEqualTo("Spark needs a JDK 17 (17 to 22), and found none. Install one under "
                + "/usr/lib/jvm, or set SPARK_JAVA_HOME to it. (exit code 1)");
    }
}
