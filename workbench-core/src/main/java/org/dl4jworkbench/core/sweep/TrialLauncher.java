package org.dl4jworkbench.core.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Starts one trial's training: the workbench's {@code train} command in a process of its own. */
@FunctionalInterface
public interface TrialLauncher {

    /**
     * Starts {@code train} with {@code arguments} (those after the command name), its output
     * and errors appended to {@code log}.
     */
    Process start(List<String> arguments, Path log) throws IOException;
}
