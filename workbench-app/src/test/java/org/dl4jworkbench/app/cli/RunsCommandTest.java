package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.charts.RunFixtures;
import org.dl4jworkbench.app.charts.RunFixtures.Options;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench runs} and {@code runs compare} on run folders written as training writes them. */
class RunsCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = WorkbenchCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path runs() {
        return dir.resolve("runs");
    }

    @Test
    void listsRunsNewestFirstWithTheirResults() throws Exception {
        RunFixtures.write(runs().resolve("20261124-090000-mlp"),
                Options.of("mlp", 3, 20).started(Instant.parse("2026-11-24T09:00:00Z")));
        RunFixtures.write(runs().resolve("20261124-110000-lenet"),
                Options.of("lenet", 2, 20).started(Instant.parse("2026-11-24T11:00:00Z")));
        RunFixtures.write(runs().resolve("20261124-100000-mnist-cnn"),
                Options.of("mnist-cnn", 1, 20).started(Instant.parse("2026-11-24T10:00:00Z")).status(
                        RunSummary.STOPPED, 4));

        Run r = run("runs", "--dir", runs().toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("RUN").contains("NETWORK", "DATASET", "STATUS", "EPOCHS", "BEST VAL",
                "TEST", "TIME", "STARTED");
        assertThat(lines.subList(1, 4)).satisfiesExactly(
                l -> assertThat(l).startsWith("20261124-110000-lenet").contains("lenet", "mnist-mini", "completed",
                        "2/2", "%", "0:40"),
                l -> assertThat(l).startsWith("20261124-100000-mnist-cnn").contains("stopped", "1/4"),
                l -> assertThat(l).startsWith("20261124-090000-mlp").contains("3/3"));
    }

    @Test
    void skipsFoldersThatAreNotRunsAndListsADamagedRunJsonAsUnreadable() throws Exception {
        RunFixtures.write(runs().resolve("20261124-100000-lenet"), Options.of("lenet", 1, 10));
        RunFolder damaged = RunFixtures.write(runs().resolve("20261124-120000-mlp"),
                Options.of("mlp", 2, 10).started(Instant.parse("2026-11-24T12:00:00Z")));
        Files.writeString(damaged.file(RunFolder.SUMMARY), "{\"format_version\": 1, \"status\": \"compl");
        Files.createDirectories(runs().resolve("junk"));
        Files.writeString(runs().resolve("junk/notes.txt"), "not a run");
        Files.writeString(runs().resolve("stray-file.csv"), "1,2,3");

        Run r = run("runs", "--dir", runs().toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("junk", "stray-file");
        assertThat(r.out().lines().filter(l -> l.startsWith("20261124-120000-mlp")).findFirst().orElseThrow())
                .contains("mlp", "unreadable", "2/2");
        assertThat(r.out()).contains("20261124-100000-lenet", "unreadable: the run's run.json is damaged");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aRunningRunWhoseFilesHaveNotChangedForLongShowsAsInterrupted() throws Exception {
        RunFolder live = RunFixtures.write(runs().resolve("20261124-130000-lenet"),
                Options.of("lenet", 1, 10).status(RunSummary.RUNNING, 3).started(Instant.now().minusSeconds(60)));
        RunFolder killed = RunFixtures.write(runs().resolve("20261124-080000-lenet"),
                Options.of("lenet", 1, 10).status(RunSummary.RUNNING, 3)
                        .started(Instant.now().minusSeconds(7200)));
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (var files = Files.list(killed.dir())) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, anHourAgo);
            }
        }

        Run r = run("runs", "--dir", runs().toString());

        assertThat(line(r, live.dir())).contains("running", "1/3");
        assertThat(line(r, killed.dir())).contains("interrupted", "1/3");
        assertThat(r.out()).contains("interrupted: the run was not finished");
    }

    @Test
    void anEmptyOrMissingRunsFolderIsExplained() throws Exception {
        Files.createDirectories(runs());
        Run empty = run("runs", "--dir", runs().toString());
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("No runs in " + runs());

        Run missing = run("runs", "--dir", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(missing.err()).startsWith("error: " + dir.resolve("nowhere") + " is not a folder")
                .contains("--dir").doesNotContain("Exception");
    }

    @Test
    void compareMarksTheSettingsThatDifferAndWritesTheOverlayChart() throws Exception {
        NetworkSpec lenet = RunFixtures.spec("lenet");
        RunFixtures.write(runs().resolve("20261124-100000-lenet"), Options.of("lenet", 2, 20), lenet);
        RunFixtures.write(runs().resolve("20261124-110000-lenet"), Options.of("lenet", 2, 20).floor(0.1, 9),
                lenet.withTraining(lenet.training().withBatchSize(64)));
        Path png = dir.resolve("charts/compare.png");

        Run r = run("runs", "compare", "20261124-100000-lenet", runs().resolve("20261124-110000-lenet").toString(),
                "--dir", runs().toString(), "--out", png.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("20261124-100000-lenet", "20261124-110000-lenet");
        assertThat(row(r, "batch size")).startsWith("* ").contains("32", "64");
        assertThat(row(r, "learning rate")).startsWith("  ").contains("0.002");
        assertThat(row(r, "name")).startsWith("  ");
        assertThat(row(r, "layers")).contains("5: conv 5x5x20, pool 2x2");
        assertThat(row(r, "parameters")).contains("431,080");
        assertThat(row(r, "optimizer")).contains("adam");
        assertThat(row(r, "L2")).contains("5e-4");
        assertThat(row(r, "schedule")).contains("cosine");
        assertThat(row(r, "fingerprint")).contains("sha256:1f2e3d4c5b6a");
        assertThat(r.out()).contains("validation split", "normalization", "augmentation", "seed", "epochs",
                "best validation accuracy", "test accuracy", "training time");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1200);
        assertThat(dir.resolve("charts/compare.svg")).isRegularFile();
        assertThat(r.out()).contains("Chart written to " + png);
    }

    @Test
    void compareTakesTheRunsFolderFromTheRunsCommandAndUniqueStartsOfNames() throws Exception {
        RunFixtures.write(runs().resolve("20261124-100000-lenet"), Options.of("lenet", 1, 10));
        RunFixtures.write(runs().resolve("20261124-110000-mlp"), Options.of("mlp", 1, 10));
        Path png = dir.resolve("c.png");

        Run r = run("runs", "--dir", runs().toString(), "compare", "20261124-10", "20261124-11", "--out",
                png.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(row(r, "name")).startsWith("* ").contains("lenet", "mlp");
        assertThat(dir.resolve("c.svg")).isRegularFile();
    }

    @Test
    void anUnknownRunIsNamedWithAWayOutAndExitCode2() throws Exception {
        RunFixtures.write(runs().resolve("20261124-100000-lenet"), Options.of("lenet", 1, 10));
        Path png = dir.resolve("never.png");

        Run r = run("runs", "compare", "20261124-100000-lenet", "resnet-run", "--dir", runs().toString(), "--out",
                png.toString());

        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: no run 'resnet-run': it is neither a folder nor a run in " + runs()
                + "; 'workbench runs --dir " + runs() + "' lists the runs there, and --dir picks another runs "
                + "folder\n");
        assertThat(png).doesNotExist();
    }

    @Test
    void aFolderThatIsNotARunIsRefusedByCompare() throws Exception {
        RunFixtures.write(runs().resolve("a"), Options.of("lenet", 1, 10));
        Files.createDirectories(runs().resolve("junk"));

        Run r = run("runs", "compare", "a", "junk", "--dir", runs().toString(), "--out",
                dir.resolve("x.png").toString());

        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("junk is not a run folder: it has no network.json");
    }

    @Test
    void runsHasHelp() {
        assertThat(run("runs", "--help").out()).startsWith("Usage: workbench runs");
        assertThat(run("runs", "compare", "--help").out()).startsWith("Usage: workbench runs compare");
    }

    private static String row(Run r, String label) {
        return r.out().lines().filter(l -> l.length() > 2 && l.substring(2).startsWith(label + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no row '" + label + "' in:\n" + r.out()));
    }

    private static String line(Run r, Path runDir) {
        String name = runDir.getFileName().toString();
        return r.out().lines().filter(l -> l.startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in:\n" + r.out()));
    }
}
