package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.core.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code workbench runs compare A B [C...] [--out FILE.png]}: settings and results side by side, and a chart. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Prints the settings and results of runs side by side, marking with * the rows that differ, "
                + "and writes a chart of their validation accuracy and smoothed training loss (PNG and SVG)."})
final class RunsCompareCommand implements Callable<Integer> {

    /** Values wider than this wrap at their commas, so a few runs fit a terminal. */
    private static final int MAX_VALUE_WIDTH = 34;

    @Parameters(paramLabel = "RUN", arity = "2..*",
            description = "Run folders, or names of run folders under --dir (the start of a name is enough if "
                    + "only one run starts with it).")
    List<String> names;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The folder that run names are looked up in (default: ./runs).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE.png", defaultValue = "compare.png",
            description = "The chart to write (default: ${DEFAULT-VALUE}); an .svg is written beside it.")
    Path out;

    @ParentCommand
    RunsCommand parent;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Path runsDir = dir != null ? dir : parent != null ? parent.runsDir() : RunsCommand.DEFAULT_DIR;
        List<RunFolder> runs = new ArrayList<>();
        try {
            for (String name : names) {
                runs.add(RunLocator.find(name, runsDir));
            }
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        List<String> warnings = new ArrayList<>();
        List<RunComparison.Row> rows = RunComparison.rows(runs, warnings);
        warnings.forEach(w -> err.println("warning: " + w));
        print(runs, rows, stdout);

        Path svg = svgBeside(out);
        CurvesChart.write(CurvesChart.compare(runs), out, svg);
        stdout.println();
        stdout.println("Chart written to " + out + " and " + svg);
        return 0;
    }

    static Path svgBeside(Path png) {
        String name = png.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
                : name;
        return png.resolveSibling(base + ".svg");
    }

    private static void print(List<RunFolder> runs, List<RunComparison.Row> rows, PrintWriter out) {
        List<String> headers = runs.stream().map(r -> r.dir().toAbsolutePath().normalize().getFileName().toString())
                .toList();
        int labelWidth = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0) + 2;
        int[] widths = new int[runs.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (RunComparison.Row row : rows) {
                if (!row.heading()) {
                    for (String line : wrap(row.values().get(c))) {
                        widths[c] = Math.max(widths[c], line.length());
                    }
                }
            }
        }
        long differing = rows.stream().filter(RunComparison.Row::differs).count();
        out.println("Comparing " + runs.size() + " runs: " + differing + " row(s) differ, marked *");
        out.println(line("  " + pad("", labelWidth), headers, widths));
        for (RunComparison.Row row : rows) {
            if (row.heading()) {
                out.println(row.label());
                continue;
            }
            List<List<String>> cells = row.values().stream().map(RunsCompareCommand::wrap).toList();
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            for (int l = 0; l < height; l++) {
                String lead = l == 0 ? (row.differs() ? "* " : "  ") + pad(row.label(), labelWidth)
                        : "  " + pad("", labelWidth);
                List<String> parts = new ArrayList<>();
                for (List<String> cell : cells) {
                    parts.add(l < cell.size() ? cell.get(l) : "");
                }
                out.println(line(lead, parts, widths));
            }
        }
    }

    private static String line(String lead, List<String> cells, int[] widths) {
        var line = new StringBuilder(lead);
        for (int c = 0; c < cells.size(); c++) {
            line.append(pad(cells.get(c), widths[c] + 2));
        }
        return line.toString().stripTrailing();
    }

    /** Splits a long value after its commas into lines of at most {@link #MAX_VALUE_WIDTH}. */
    static List<String> wrap(String value) {
        if (value.length() <= MAX_VALUE_WIDTH) {
            return List.of(value);
        }
        List<String> lines = new ArrayList<>();
        var current = new StringBuilder();
        for (String part : value.split("(?<=, )")) {
            if (current.length() > 0 && current.length() + part.stripTrailing().length() > MAX_VALUE_WIDTH) {
                lines.add(current.toString().stripTrailing());
                current.setLength(0);
            }
            current.append(part);
        }
        lines.add(current.toString().stripTrailing());
        return lines;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
