package org.dl4jworkbench.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.dl4jworkbench.app.bench.BenchCommand;
import org.dl4jworkbench.app.cli.SparkElsewhereCommand;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.app.logging.Logs;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.app.ui.WorkbenchApp;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code ./workbench}: without arguments the JavaFX workbench, with a
 * project folder the workbench on that project, with a subcommand the command line (and the
 * benchmarks, {@code bench ...}, which are not part of it). A main class that is not an
 * {@code Application} lets the command line run without starting JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logs.start();
        LoggerFactory.getLogger(Main.class).info("started: java {} on {} {}, arguments {}",
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                String.join(" ", args));
        if (args.length == 0 || args.length == 1 && ProjectFiles.isProject(Path.of(args[0]))) {
            int status = WorkbenchApp.launchApp(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        var commandLine = WorkbenchCommand.newCommandLine(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), new BenchCommand(), new SparkElsewhereCommand());
        System.exit(commandLine.execute(args));
    }
}
