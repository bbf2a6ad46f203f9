package org.dl4jworkbench.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.Catalog;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.data.catalog.LocalCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code workbench datasets list}: the catalogue, and what of it is on this computer. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the datasets the workbench can download, with their size and whether each is "
                + "downloaded and verified.",
            "They live under the data folder: WORKBENCH_DATA, else the platform's per-user data folder."})
final class DatasetsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        Path root = WorkbenchDirs.data();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "FORMAT", "DOWNLOAD", "STATUS", "FOLDER"});
        for (CatalogEntry entry : Catalog.entries()) {
            LocalCopy copy = LocalCopy.of(entry, root);
            rows.add(new String[] {entry.name(), entry.format(), ByteSize.format(entry.downloadSize()),
                copy.describe(), copy.folder().toString()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %-" + widths[3] + "s  %s%n";
        for (String[] row : rows) {
            out.printf(format, (Object[]) row);
        }
        out.println();
        for (CatalogEntry entry : Catalog.entries()) {
            out.println(entry.name() + ": " + entry.description());
        }
        out.println("Download one with ./workbench datasets download NAME, then train with --dataset NAME.");
        out.println("mnist-mini (the first 12,000 MNIST images) is built in and needs no download.");
        return 0;
    }
}
