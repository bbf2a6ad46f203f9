package org.dl4jworkbench.app.cli;

import picocli.CommandLine.Command;

/** {@code workbench datasets list | download NAME | info SPEC}. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Lists, downloads and describes datasets.",
        subcommands = {DatasetsListCommand.class, DatasetsDownloadCommand.class, DatasetsInfoCommand.class,
                DatasetsAugmentCommand.class})
final class DatasetsCommand {
}
