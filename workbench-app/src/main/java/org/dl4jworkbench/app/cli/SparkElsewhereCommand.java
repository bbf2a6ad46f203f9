package org.dl4jworkbench.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code spark} where this JVM has no Spark: the window's build carries none, and the
 * launcher runs {@code ./workbench spark ...} from workbench-spark in a JVM of its own. Reached
 * only where that module is not there (an installed package); says how to get it.
 */
@Command(name = "spark", description = "Trains and sweeps on an Apache Spark cluster: ./workbench spark train|sweep "
        + "--master MASTER ... (from the source tree; built on first use; README, \"On a Spark cluster\").")
public final class SparkElsewhereCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws UserError {
        throw new UserError("Spark support is not part of this installation: it runs from the source tree, where "
                + "'./workbench spark " + String.join(" ", arguments).strip() + "' builds workbench-spark on first use "
                + "(README, \"On a Spark cluster\")");
    }
}
