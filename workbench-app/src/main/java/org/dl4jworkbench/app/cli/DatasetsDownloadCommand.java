package org.dl4jworkbench.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.catalog.Catalog;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench datasets download NAME}: fetch, verify and unpack one catalogue entry. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Downloads a dataset of the catalogue (see 'workbench datasets list'), verifies its checksums "
                + "and unpacks it into the data folder.",
            "An interrupted download resumes where it stopped. Files put in the dataset's folder by hand are "
                + "checked instead of downloaded.",
            "Exit codes: 0 ready, 1 download failed, 2 unknown name."})
final class DatasetsDownloadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The dataset: mnist or cifar10.")
    String name;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        Optional<CatalogEntry> found = Catalog.find(name);
        if (found.isEmpty()) {
            err.println("error: " + Catalog.unknownName(name) + (name.equals("mnist-mini")
                    ? " (mnist-mini is built in: it needs no download)" : ""));
            return WorkbenchCommand.BAD_INPUT;
        }
        CatalogEntry entry = found.get();
        Path root = WorkbenchDirs.data();
        Optional<CatalogInstall.Installed> installed = CatalogInstall.run(entry, root, err);
        if (installed.isEmpty()) {
            return 1;
        }
        Path folder = installed.get().folder();
        boolean already = installed.get().already();
        out.println(name + (already ? " was already downloaded and verified in " : " is downloaded and verified in ")
                + folder);
        out.println("Use it with --dataset " + name + ", for example: " + trainCommand(name));
        return 0;
    }

    /** A train command line that fits the dataset: the default network where it is made for it. */
    static String trainCommand(String dataset) {
        String line = "./workbench train --dataset " + dataset;
        Optional<Template> fitting = Templates.all().stream().filter(t -> t.dataset().equals(dataset)).findFirst();
        boolean defaultFits = Templates.all().stream()
                .anyMatch(t -> t.id().equals(Templates.DEFAULT) && t.dataset().equals(dataset));
        return defaultFits || fitting.isEmpty() ? line
                : "./workbench train --template " + fitting.get().id() + " --dataset " + dataset;
    }
}
