package org.dl4jworkbench.app.bench;

import picocli.CommandLine.Command;

/**
 * {@code workbench bench ...}: performance measurements that print figures (never part of the
 * tests). Not part of the product's command set: {@code Main} adds it to the command line, so
 * the commands in {@code cli} need not know the window, which {@code bench dashboard} drives.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints one JSON line; docs/benchmarks.md records the figures.",
        subcommands = {BenchTrainingCommand.class, BenchMonitorCommand.class, BenchDashboardCommand.class,
                BenchPredictCommand.class, BenchDecodeCommand.class, BenchTransferCommand.class,
                BenchExplainCommand.class})
public final class BenchCommand {
}
