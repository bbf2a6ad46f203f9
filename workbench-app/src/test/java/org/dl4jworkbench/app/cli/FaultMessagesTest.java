package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.dl4jworkbench.app.logging.Logs;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * Ordinary faults at the command line: one line that names the file and a way out, the exit
 * code (2 bad input, 1 the work failed), where the log is, and never a stack trace. The
 * trace goes to the log file. (Tests run as root, which may write anywhere: places that
 * cannot be written are made with a file where a folder should be.)
 */
class FaultMessagesTest {

    @TempDir
    static Path shared;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAModel() throws Exception {
        model = MnistModelFixture.trainMlp(shared).file();
    }

    @Test
    void trainSaysItCannotWriteOutBeforeLoadingAnyData() throws Exception {
        Path file = Files.writeString(dir.resolve("somefile"), "in the way");
        Path out = file.resolve("run");
        Run r = CommandLineTest.run("train", "--template", "mlp", "--epochs", "1", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: --out " + out + ": " + file + " is a file, not a folder. Choose "
                + "another folder with --out\n");
        assertThat(r.err()).doesNotContain("Loading dataset");
    }

    @Test
    void trainSaysADatasetFolderIsMissingBeforeLoading() {
        Path missing = dir.resolve("no-such-images");
        Run r = CommandLineTest.run("train", "--template", "mlp", "--dataset", "folder:" + missing,
                "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --dataset folder:" + missing + ": " + missing + " does not exist.")
                .doesNotContain("Loading dataset", "\tat ");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aMissingSpecFileIsNamed() {
        Path spec = dir.resolve("nets/mine.json");
        Run r = CommandLineTest.run("train", "--spec", spec.toString(), "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: " + spec + ": file not found\n");
    }

    @Test
    void predictWithATruncatedModelNamesTheFile() throws Exception {
        Path damaged = Files.write(dir.resolve("model.zip"), Arrays.copyOf(Files.readAllBytes(model), 20_000));
        Path digit = dir.resolve("digit.png");
        Files.write(digit, new byte[] {1});
        Run r = CommandLineTest.run("predict", "--model", damaged.toString(), digit.toString());
        assertNoTrace(r, WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: not a model file: " + damaged + " is not a zip archive")
                .doesNotContain("Exception");
    }

    @Test
    void evaluateWithADamagedEntryNamesTheFileAndTheEntry() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        for (int i = 2_000; i < 6_000; i++) { // inside the first entry's compressed data, past its local header
            bytes[i] ^= 0x5a;
        }
        Path damaged = Files.write(dir.resolve("model.zip"), bytes);
        Run r = CommandLineTest.run("evaluate", "--model", damaged.toString(), "--dataset", "mnist-mini");
        assertNoTrace(r, WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: ").contains(damaged.toString()).doesNotContain("Exception");
    }

    @Test
    void evaluateWithAMissingModelNamesIt() {
        Path missing = dir.resolve("runs/none/model.zip");
        Run r = CommandLineTest.run("evaluate", "--model", missing.toString(), "--dataset", "mnist-mini");
        assertNoTrace(r, WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: cannot open model " + missing + ": no such file.");
    }

    @Test
    void runningOutOfMemoryIsAMessageWithAWayOutAndTheTraceIsLogged() throws Exception {
        Run r = runWith(new Failing(new OutOfMemoryError("Java heap space")));
        assertNoTrace(r, 1);
        assertThat(r.err()).startsWith("error: out of memory (Java heap space;").contains("--batch", "-Xmx");
        assertThat(Files.readString(Logs.file())).contains("java.lang.OutOfMemoryError: Java heap space",
                "\tat " + FaultMessagesTest.class.getName());
    }

    @Test
    void anUnexpectedFaultAsksForAReport() {
        Run r = runWith(new Failing(new IllegalStateException("cannot happen")));
        assertNoTrace(r, 1);
        assertThat(r.err()).startsWith("error: unexpected fault (IllegalStateException: cannot happen). This is a "
                + "fault of the workbench; please report it with the log");
    }

    @Test
    void anUnreadableFileNamesThePath() {
        Path file = dir.resolve("gone.bin");
        Run r = runWith(new Failing(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException(
                file.toString()))));
        assertNoTrace(r, WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + file + ": no such file or folder. Check the path");
    }

    private static void assertNoTrace(Run r, int exitCode) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(exitCode);
        assertThat(r.err()).endsWith("(details in " + Logs.file() + ")\n").doesNotContain("\tat ");
    }

    private static Run runWith(Object command) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = WorkbenchCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), command)
                .execute("fail");
        return new Run(code, out.toString(), err.toString());
    }

    /** A command that meets the given fault, as a real one might deep in DL4J or the disk. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {

        private final Throwable fault;

        Failing(Throwable fault) {
            this.fault = fault;
        }

        @Override
        public Integer call() throws Exception {
            if (fault instanceof Error e) {
                throw e;
            }
            throw (Exception) fault;
        }
    }
}
