package org.dl4jworkbench.app.cli;

import java.util.concurrent.Callable;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Lists the built-in networks, each from a tutorial this workbench grew from.")
final class TemplatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        out.printf("%-14s %-8s %-11s %12s  %s%n", "NAME", "DATASET", "INPUT", "PARAMETERS", "DESCRIPTION");
        for (Template t : Templates.all()) {
            long params = NetworkAnalyzer.analyze(t.spec()).totalParameters();
            out.printf("%-14s %-8s %-11s %,12d  %s%n", t.id(), t.dataset(), t.spec().input(), params, t.description());
        }
        return 0;
    }
}
