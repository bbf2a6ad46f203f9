package org.dl4jworkbench.app.cli;

import org.dl4jworkbench.core.run.RunEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench runs [--dir DIR]}: the training runs in a folder, newest first; {@code runs compare}. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Lists the training runs under a folder, newest first: network, dataset, status, epochs, "
                + "best validation and test accuracy, training time and start.",
            "Folders that are not runs (no network.json) are skipped."},
        subcommands = RunsCompareCommand.class)
final class RunsCommand implements Callable<Integer> {

    static final Path DEFAULT_DIR = Path.of("runs");

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The folder holding the run folders (default: ./runs, where train writes them).")
    Path dir;

    @Spec
    CommandSpec command;

    /** The folder runs are listed from and names are looked up in. */
    Path runsDir() {
        return dir != null ? dir : DEFAULT_DIR;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Path runsDir = runsDir();
        if (!Files.isDirectory(runsDir)) {
            if (dir == null) {
                out.println("No runs yet: there is no " + runsDir + " folder here. 'workbench train' creates one; "
                        + "--dir DIR lists another folder.");
                return 0;
            }
            err.println("error: " + runsDir + " is not a folder; give the folder holding your run folders with "
                    + "--dir (train writes them under ./runs, or where --out said)");
            return WorkbenchCommand.BAD_INPUT;
        }
        List<RunEntry> runs = RunEntry.list(runsDir, Instant.now());
        if (runs.isEmpty()) {
            out.println("No runs in " + runsDir + " (no folder there has a network.json).");
            return 0;
        }
        print(runs, out);
        return 0;
    }

    static void print(List<RunEntry> runs, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN", "NETWORK", "DATASET", "STATUS", "EPOCHS", "BEST VAL", "TEST", "TIME",
            "STARTED"});
        for (RunEntry r : runs) {
            rows.add(new String[] {r.name(), orDash(r.network()), orDash(r.dataset()), r.status(),
                r.epochsCompleted() + "/" + (r.epochsPlanned() == null ? "?" : r.epochsPlanned()),
                percent(r.bestValidationAccuracy()), percent(r.testAccuracy()), duration(r.duration()),
                r.started() == null ? "-" : STARTED.format(r.started().atZone(ZoneId.systemDefault()))});
        }
        TextTable.print(rows, new boolean[] {false, false, false, false, true, true, true, true, false}, out);
        if (runs.stream().anyMatch(r -> RunEntry.INTERRUPTED.equals(r.status()))) {
            out.println();
            out.println("interrupted: the run was not finished and nothing in its folder changed for over "
                    + RunEntry.STALE_AFTER.toMinutes() + " minutes; its training process has probably ended.");
        }
        if (runs.stream().anyMatch(r -> RunEntry.UNREADABLE.equals(r.status()))) {
            out.println();
            out.println("unreadable: the run's run.json is damaged; the other columns come from its other files.");
        }
    }

    static String percent(Double fraction) {
        return fraction == null || !Double.isFinite(fraction) ? "-"
                : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String duration(Duration d) {
        return d == null || d.isNegative() ? "-" : ProgressPrinter.format(d);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
