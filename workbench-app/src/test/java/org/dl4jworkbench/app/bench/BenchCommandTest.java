package org.dl4jworkbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench bench ...}: beside the product's commands, as {@code Main} puts it. */
class BenchCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    /** The command line as {@code ./workbench} runs it, benchmarks included. */
    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = WorkbenchCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new BenchCommand()).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void benchHelpListsEveryBenchmark() {
        Run r = run("bench", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: workbench bench")
                .contains("training", "monitor", "dashboard", "predict", "decode", "transfer");
        assertThat(run("--help").out()).containsPattern("\n  bench +Benchmarks").contains("  train ");
    }

    @Test
    void predictPrintsLatencyFiguresAsOneJsonLine(@TempDir Path dir) throws Exception {
        var trained = MnistModelFixture.trainMlp(dir);
        Path digit = MnistModelFixture.writeDigit(trained.test(), 0, dir.resolve("digit.png"));
        Run r = run("bench", "predict", "--model", trained.file().toString(), "--runs", "20", "--warmup", "3",
                digit.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out().strip());
        assertThat(json.get("runs").asInt()).isEqualTo(20);
        assertThat(json.get("median_ms").asDouble()).isPositive();
        assertThat(json.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(json.get("median_ms").asDouble());
        assertThat(json.get("load_ms").asDouble()).isGreaterThanOrEqualTo(json.get("screen_ms").asDouble());
        assertThat(json.get("input").asText()).isEqualTo("28x28x1");
        assertThat(json.get("parameters").asLong()).isEqualTo(118_282);
    }

    @Test
    void theProductsCommandLineHasNoBenchmarks() {
        var commandLine = WorkbenchCommand.newCommandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertThat(commandLine.getSubcommands()).containsKeys("train", "predict", "datasets").doesNotContainKey("bench");
        assertThat(commandLine.getSubcommands().get("datasets").getSubcommands()).doesNotContainKey("bench");
        assertThat(commandLine.getSubcommands().get("predict").getCommandSpec().findOption("--bench")).isNull();
    }
}
