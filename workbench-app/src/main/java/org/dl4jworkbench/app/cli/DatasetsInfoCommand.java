package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetReport;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.image.ImageGrid;
import org.dl4jworkbench.core.spec.InputSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench datasets info SPEC}: what a dataset holds, per class and split, and what was skipped. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints class names and counts per split, image sizes and channels, and every file "
                + "skipped with the reason.")
final class DatasetsInfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "mnist-mini, idx:DIR, cifar10:DIR, folder:DIR or a catalogue name.")
    String dataset;

    @Option(names = "--size", paramLabel = "HxWxC", converter = SizeConverter.class,
            description = "Size image folders are decoded to. Default: the input of the network given by "
                    + "--template or --spec; without one, the images' own size where they all share one (at most "
                    + "128 pixels a side), else at most 128x128.")
    InputSpec size;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    NetworkOptions.Choice network;

    @Option(names = "--grid", paramLabel = "FILE.png",
            description = "Also write a PNG grid of sample images, one row per class.")
    Path grid;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "8",
            description = "Samples per class in the grid (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException, UserError {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Dataset data;
        try {
            InputSpec input = size != null ? size : network != null ? NetworkOptions.load(network).input() : null;
            data = DatasetLoading.open(dataset, input, err);
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        print(data, out);
        if (grid != null) {
            writeGrid(data, grid, perClass);
            out.println("Sample grid written to " + grid + " (rows: " + String.join(", ", data.classNames()) + ")");
        }
        return 0;
    }

    static void print(Dataset data, PrintWriter out) {
        ImageSet train = data.train();
        DatasetReport report = data.report();
        out.println("Dataset " + data.name());
        if (data.resizable()) {
            out.printf(Locale.ROOT, "Images: %s, %s; decoded to %dx%dx%d%n", range(report),
                    report.sourceChannels() == 1 ? "all gray" : "colour (gray ones are converted)", train.height(),
                    train.width(), train.channels());
        } else {
            out.printf(Locale.ROOT, "Images: %dx%d, %d channel(s)%n", train.height(), train.width(), train.channels());
        }
        int[] trainCounts = train.classCounts();
        int[] testCounts = data.test().classCounts();
        int nameWidth = Math.max(8, data.classNames().stream().mapToInt(String::length).max().orElse(0) + 2);
        String row = "%-" + nameWidth + "s %10s %10s%n";
        out.printf(row, "CLASS", "TRAINING", "TEST");
        for (int c = 0; c < trainCounts.length; c++) {
            out.printf(Locale.ROOT, row, data.classNames().get(c), String.format(Locale.ROOT, "%,d", trainCounts[c]),
                    String.format(Locale.ROOT, "%,d", testCounts[c]));
        }
        out.printf(Locale.ROOT, row, "total", String.format(Locale.ROOT, "%,d", train.size()),
                String.format(Locale.ROOT, "%,d", data.test().size()));
        if (report.skipped().isEmpty()) {
            out.println("Skipped: none");
        } else {
            out.printf(Locale.ROOT, "Skipped %,d file(s):%n", report.skipped().size());
            report.skipped().forEach(s -> out.println("  " + s));
        }
    }

    private static String range(DatasetReport r) {
        return r.uniformSize() ? r.minWidth() + "x" + r.minHeight() + " pixels"
                : "from " + r.minWidth() + "x" + r.minHeight() + " to " + r.maxWidth() + "x" + r.maxHeight()
                + " pixels (width x height)";
    }

    /** The first {@code perClass} training images of every class, one row per class. */
    static void writeGrid(Dataset data, Path file, int perClass) throws IOException {
        ImageSet train = data.train();
        List<List<byte[]>> rows = new ArrayList<>();
        for (int c = 0; c < data.classNames().size(); c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            List<byte[]> row = rows.get(train.label(i));
            if (row.size() < perClass) {
                byte[] image = new byte[train.imageSize()];
                train.copyBytes(i, image, 0);
                row.add(image);
            }
        }
        ImageGrid.writePng(rows, train.height(), train.width(), train.channels(), file);
    }
}
