package org.dl4jworkbench.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench models download ID}: fetch and verify one pretrained network. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Installs a pretrained network of the catalogue (see 'workbench models list') into the data "
                + "folder's models/ID, verifying its checksum.",
            "An interrupted download resumes where it stopped. A model file put in the network's folder by hand is "
                + "checked instead of downloaded.",
            "Exit codes: 0 ready, 1 download failed, 2 unknown id."})
final class ModelsDownloadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The network, for example mobilenet-v1-0.75.")
    String id;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        Optional<PretrainedEntry> found = PretrainedCatalog.find(id);
        if (found.isEmpty()) {
            err.println("error: " + PretrainedCatalog.unknownId(id));
            return WorkbenchCommand.BAD_INPUT;
        }
        PretrainedEntry entry = found.get();
        Path root = WorkbenchDirs.data();
        Optional<CatalogInstall.Installed> installed = CatalogInstall.run(entry, root, err);
        if (installed.isEmpty()) {
            return 1;
        }
        Path folder = installed.get().folder();
        boolean already = installed.get().already();
        out.println(id + (already ? " was already installed and verified in " : " is installed and verified in ")
                + folder);
        out.println("Model file: " + entry.modelFile(root));
        return 0;
    }
}
