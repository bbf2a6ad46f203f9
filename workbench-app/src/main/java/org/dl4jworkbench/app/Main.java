package org.dl4jworkbench.app;

import java.nio.file.Path;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.app.project.ProjectFiles;
import org.dl4jworkbench.app.ui.WorkbenchApp;

/**
 * Entry point of {@code ./workbench}: without arguments the JavaFX workbench, with a
 * project folder the workbench on that project, with a subcommand the command line. (A main class that is not an {@code Application} lets the
 * command line run without starting JavaFX.)
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1 && ProjectFiles.isProject(Path.of(args[0]))) {
            int status = WorkbenchApp.launchApp(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        System.exit(WorkbenchCommand.run(args));
    }
}
