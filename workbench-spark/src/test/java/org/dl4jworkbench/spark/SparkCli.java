package org.dl4jworkbench.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.dl4jworkbench.app.cli.WorkbenchCommand;

/** The workbench's command line with its spark command, as {@code ./workbench spark ...} runs it. */
final class SparkCli {

    record Run(int exitCode, String out, String err) {
        /** The last line of standard output: the JSON summary. */
        String json() {
            List<String> lines = out.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private SparkCli() {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = WorkbenchCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new SparkCommand()).execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
