package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.CacheFolder;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench cache}: what the cache folder holds; {@code workbench cache clear [--older-than DAYS]}. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"Lists the cache folder: image folders decoded for training and transfer-learning "
                + "features, each with its size and last use, and the total.",
            "It lives in WORKBENCH_CACHE, else the platform's per-user cache folder. Everything in it is made "
                + "again when needed. It is kept under WORKBENCH_CACHE_LIMIT (default 10G): after each new "
                + "file, the least recently used ones are deleted."},
        subcommands = CacheCommand.Clear.class)
final class CacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Path dir = WorkbenchDirs.cache();
        List<CacheFolder.Entry> entries = CacheFolder.list(dir);
        out.println("Cache folder " + dir + " (limit " + limit() + ")");
        if (entries.isEmpty()) {
            out.println("Empty.");
            return 0;
        }
        Instant now = Instant.now();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "SIZE", "LAST USED", "CONTENT"});
        for (CacheFolder.Entry e : entries) {
            rows.add(new String[] {e.kind(), ByteSize.format(e.bytes()), age(e.lastUsed(), now), e.content()});
        }
        TextTable.print(rows, new boolean[] {false, true, true, false}, out);
        long total = entries.stream().mapToLong(CacheFolder.Entry::bytes).sum();
        out.printf(Locale.ROOT, "Total: %,d file(s), %s. ./workbench cache clear [--older-than DAYS] deletes them.%n",
                entries.size(), ByteSize.format(total));
        return 0;
    }

    private String limit() {
        String setting = CacheFolder.limitSetting();
        String text = ByteSize.format(CacheFolder.limit());
        if (setting == null) {
            return text + "; set WORKBENCH_CACHE_LIMIT to change it";
        }
        try {
            CacheFolder.parseSize(setting);
            return text + " from " + CacheFolder.LIMIT_ENV;
        } catch (IllegalArgumentException e) {
            return text + "; " + CacheFolder.LIMIT_ENV + " " + e.getMessage();
        }
    }

    /** "just now", "5 minutes ago", "3 hours ago", "12 days ago". */
    static String age(Instant used, Instant now) {
        Duration d = Duration.between(used, now);
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute ago" : " minutes ago");
        }
        if (d.toDays() < 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
        }
        return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
    }

    /** {@code workbench cache clear [--older-than DAYS]}. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = {"Deletes the cache folder's files (all, or those not used for DAYS days); they are "
                    + "made again when needed.",
                "Unfinished files less than an hour old are kept: another workbench may be decoding."})
    static final class Clear implements Callable<Integer> {

        @Option(names = "--older-than", paramLabel = "DAYS",
                description = "Only files last used more than DAYS days ago (fractions allowed: 0.5 is 12 hours).")
        Double olderThanDays;

        @Spec
        CommandSpec command;

        @Override
        public Integer call() throws UserError {
            if (olderThanDays != null && (olderThanDays < 0 || olderThanDays.isNaN())) {
                throw new UserError("--older-than must be 0 or more days, not " + olderThanDays);
            }
            Duration olderThan = olderThanDays == null ? null
                    : Duration.ofSeconds(Math.round(olderThanDays * 86_400));
            Path dir = WorkbenchDirs.cache();
            List<CacheFolder.Entry> deleted = CacheFolder.clear(dir, olderThan, Instant.now());
            List<CacheFolder.Entry> left = CacheFolder.list(dir);
            PrintWriter out = command.commandLine().getOut();
            out.printf(Locale.ROOT, "Deleted %,d file(s), %s, from %s; %,d left, %s.%n", deleted.size(),
                    ByteSize.format(deleted.stream().mapToLong(CacheFolder.Entry::bytes).sum()), dir, left.size(),
                    ByteSize.format(left.stream().mapToLong(CacheFolder.Entry::bytes).sum()));
            return 0;
        }
    }
}
