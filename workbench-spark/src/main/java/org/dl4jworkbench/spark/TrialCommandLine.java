package org.dl4jworkbench.spark;

import java.io.PrintWriter;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.app.logging.Logs;

/**
 * Main class of a trial's process on a Spark executor: the workbench's command line ({@code train
 * ...}) without the benchmarks, whose window measurements load JavaFX 25 classes that the
 * executors' Java 17 cannot (docs/decisions/0012).
 */
public final class TrialCommandLine {

    private TrialCommandLine() {
    }

    public static void main(String[] args) {
        Logs.start();
        var commandLine = WorkbenchCommand.newCommandLine(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        System.exit(commandLine.execute(args));
    }
}
