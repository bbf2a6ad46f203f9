package org.dl4jworkbench.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code workbench models list}: the pretrained networks, and which are installed here. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the pretrained networks the workbench can install, with their size, whether each is "
                + "installed, and their licence.",
            "They live under the data folder's models/ (WORKBENCH_DATA, else the platform's per-user data folder)."})
final class ModelsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        Path root = WorkbenchDirs.data();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "TITLE", "SIZE", "STATUS", "LICENCE"});
        for (PretrainedEntry entry : PretrainedCatalog.entries()) {
            rows.add(new String[] {entry.id(), entry.title(), ByteSize.format(entry.downloadSize()),
                PretrainedCatalog.describe(entry, root), entry.licence()});
        }
        TextTable.print(rows, new boolean[] {false, false, true, false, false}, out);
        for (PretrainedEntry entry : PretrainedCatalog.entries()) {
            out.println();
            out.println(entry.id() + ": " + entry.description() + ".");
            out.printf("  Takes %s images, pixels scaled %s; tells %,d classes.%n", entry.input(), entry.scaling(),
                    entry.classCount());
            out.println("  File: " + entry.modelFile(root));
            out.println("  Provenance: " + entry.provenance());
        }
        out.println();
        out.println("Install one with ./workbench models download ID.");
        return 0;
    }
}
