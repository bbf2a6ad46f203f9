package org.dl4jworkbench.app.cli;

import picocli.CommandLine.Command;

/** {@code workbench models list | download ID}: the pretrained networks of the catalogue. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists and installs pretrained networks.",
        subcommands = {ModelsListCommand.class, ModelsDownloadCommand.class})
final class ModelsCommand {
}
