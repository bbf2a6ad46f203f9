package org.dl4jworkbench.app.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench bench predict}: the latency of one prediction (see {@link PredictionBenchmark}). */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Loads the model once, warms up, times --runs single-image predictions (decode, preprocess, "
                + "network) and prints one JSON line of figures.")
final class BenchPredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model.zip saved by 'workbench train' (in its run folder).")
    Path model;

    @Parameters(paramLabel = "IMAGE", arity = "0..1",
            description = "The image to classify (default: a generated image of the model's input size).")
    Path image;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200",
            description = "Timed predictions (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20",
            description = "Untimed predictions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Classes each prediction ranks (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        var err = command.commandLine().getErr();
        if (runs < 1 || warmup < 0 || top < 1) {
            err.println("error: --runs and --top must be at least 1 and --warmup at least 0, found " + runs + ", "
                    + top + " and " + warmup);
            return WorkbenchCommand.BAD_INPUT;
        }
        return PredictionBenchmark.run(model, image, warmup, runs, top, command.commandLine().getOut(), err);
    }
}
