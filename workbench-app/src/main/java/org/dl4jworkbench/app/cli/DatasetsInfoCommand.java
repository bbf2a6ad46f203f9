package org.dl4jworkbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench datasets info SPEC} (work in progress). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints class names and counts per split, image sizes, and files skipped.")
final class DatasetsInfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "mnist-mini, idx:DIR, cifar10:DIR, folder:DIR or a catalogue name.")
    String dataset;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().getErr().println("error: not implemented yet");
        return 1;
    }
}
