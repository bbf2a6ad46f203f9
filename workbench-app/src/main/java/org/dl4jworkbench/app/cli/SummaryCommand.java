package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.spec.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints each layer's output shape, parameters and multiply-adds, and any problems.")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        NetworkSpec spec;
        try {
            spec = network.load();
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        print(spec, analysis, out);
        if (!analysis.problems().isEmpty()) {
            err.println();
            analysis.problems().forEach(p -> err.println(p));
        }
        return analysis.isValid() ? 0 : WorkbenchCommand.BAD_INPUT;
    }

    static void print(NetworkSpec spec, NetworkAnalysis analysis, PrintWriter out) {
        out.println("Network: " + spec.name());
        int name = Math.max(10, analysis.layers().stream().mapToInt(l -> l.name().length()).max().orElse(0));
        int settings = Math.max(34, analysis.layers().stream().mapToInt(l -> l.settings().length()).max().orElse(0));
        String row = "%-" + name + "s %-12s %-" + settings + "s %-12s %12s %15s%n";
        out.printf(row, "LAYER", "TYPE", "SETTINGS", "OUTPUT", "PARAMETERS", "MULTIPLY-ADDS");
        for (LayerInfo l : analysis.layers()) {
            boolean bad = analysis.problemsAt(l.index()).stream().anyMatch(Problem::isError);
            out.printf(row, l.name(), l.type(), l.settings(), l.outputShape() + (bad ? " !" : ""),
                    String.format("%,d", l.parameters()), String.format("%,d", l.multiplyAdds()));
        }
        out.printf("Multiply-adds per image: %,d%n", analysis.totalMultiplyAdds());
        if (analysis.frozenParameters() > 0) {
            out.printf("Trained: %,d; frozen (pretrained): %,d%n", analysis.trainableParameters(),
                    analysis.frozenParameters());
        }
        out.println("Total parameters: " + analysis.totalParameters());
    }
}
