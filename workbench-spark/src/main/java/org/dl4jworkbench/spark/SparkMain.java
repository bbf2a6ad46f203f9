package org.dl4jworkbench.spark;

import java.io.PrintWriter;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.app.logging.Logs;

/**
 * Entry point of {@code ./workbench spark ...} and of {@code spark-submit} with this module's
 * jar: the workbench's command line with its {@code spark} command. Arguments that do not start
 * with {@code spark} are taken as the spark command's ({@code spark-submit ... train ...}).
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) {
        Logs.start();
        String[] line = args.length > 0 && args[0].equals("spark") ? args : prepend(args);
        var commandLine = WorkbenchCommand.newCommandLine(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), new SparkCommand());
        System.exit(commandLine.execute(line));
    }

    private static String[] prepend(String[] args) {
        String[] line = new String[args.length + 1];
        line[0] = "spark";
        System.arraycopy(args, 0, line, 1, args.length);
        return line;
    }
}
