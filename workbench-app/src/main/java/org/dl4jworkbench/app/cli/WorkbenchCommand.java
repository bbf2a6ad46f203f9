package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import org.dl4jworkbench.app.ui.WorkbenchApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code ./workbench [COMMAND]}. */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "DL4J Workbench: design, train and use image classifiers with Deeplearning4j.%n"
                + "Without a command, opens the workbench window.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, RunsCommand.class,
                SummaryCommand.class, TemplatesCommand.class, DatasetsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class WorkbenchCommand implements Runnable {

    /** Exit code for bad input: an invalid network, a missing or damaged file. */
    public static final int BAD_INPUT = 2;

    @Override
    public void run() {
        WorkbenchApp.launchApp(new String[0]);
    }

    public static int run(String... args) {
        return newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        var cl = new CommandLine(new WorkbenchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e);
            e.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cl;
    }
}
