package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command: {@code ./workbench COMMAND}. Opening the window without a command is
 * {@code Main}'s choice; the command line knows nothing of the window.
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "DL4J Workbench: design, train and use image classifiers with Deeplearning4j.%n"
                + "Without a command (or with a project folder), opens the workbench window.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ImportCommand.class, RunsCommand.class,
                SummaryCommand.class, TemplatesCommand.class, SweepCommand.class, DatasetsCommand.class, ModelsCommand.class,
                ExportJavaCommand.class,
                CacheCommand.class})
public final class WorkbenchCommand implements Runnable {

    /** Exit code for bad input: an invalid network, a missing or damaged file. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    /** Options without a command (none but --help and --version): the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line writing to {@code out} and {@code err}, with {@code moreCommands} (picocli
     * command objects, e.g. the benchmarks) beside the product's own. Faults that leave a command,
     * errors such as running out of memory included, go through {@link ErrorMapper}: a message, an
     * exit code, and the trace in the log.
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, Object... moreCommands) {
        var cl = new CommandLine(new WorkbenchCommand());
        for (Object command : moreCommands) {
            cl.addSubcommand(command);
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (Error e) { // picocli passes on Errors; an OutOfMemoryError is a message too
                throw new CommandLine.ExecutionException(last(parseResult).commandSpec().commandLine(),
                        "command failed", e);
            }
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> ErrorMapper.report(e, commandLine.getErr()));
        return cl;
    }

    private static CommandLine.ParseResult last(CommandLine.ParseResult result) {
        return result.subcommand() == null ? result : last(result.subcommand());
    }
}
