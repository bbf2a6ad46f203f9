package org.dl4jworkbench.app.cli;

import picocli.CommandLine.Command;

/** {@code workbench bench ...}: performance measurements that print figures (never part of the tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints one JSON line; docs/benchmarks.md records the figures.",
        subcommands = {BenchMonitorCommand.class, BenchTrainingCommand.class, BenchDashboardCommand.class})
final class BenchCommand {
}
