package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --template NAME | --spec FILE}, shared by the commands that take a network. */
final class NetworkOptions {

    static final class Choice {
        @Option(names = "--template", paramLabel = "NAME",
                description = "A built-in network (default: ${DEFAULT-VALUE}); see 'workbench templates'.",
                defaultValue = Templates.DEFAULT)
        String template = Templates.DEFAULT;

        @Option(names = "--spec", paramLabel = "FILE", description = "A network saved as JSON.")
        Path spec;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice = new Choice();

    NetworkSpec load() throws UserError {
        return load(choice);
    }

    /** The network a {@code --template}/{@code --spec} group names (the default template where it names none). */
    static NetworkSpec load(Choice choice) throws UserError {
        if (choice.spec != null) {
            try {
                return SpecJson.read(choice.spec);
            } catch (SpecFormatException e) {
                throw new UserError(e.getMessage());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UserError(choice.spec + ": file not found");
            } catch (IOException e) {
                throw new UserError(choice.spec + ": cannot read: " + e.getMessage());
            }
        }
        return Templates.find(choice.template)
                .orElseThrow(() -> new UserError("unknown template '" + choice.template + "'; choose one of: "
                        + String.join(", ", Templates.ids())))
                .spec();
    }
}
