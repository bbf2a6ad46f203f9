package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.spec.InputSpec;

/** Opening a dataset from the command line: decoding progress, and a summary of what was found. */
final class DatasetLoading {

    /** How many skipped files are listed by name; the rest are counted. */
    static final int SKIPPED_SHOWN = 10;

    private DatasetLoading() {
    }

    /**
     * Opens {@code spec}, decoding image folders to {@code input}'s size (null: the images' own
     * size, {@link DatasetOptions#imagesOwnSize()}) with a progress line.
     */
    static Dataset open(String spec, InputSpec input, PrintWriter err) throws InvalidDataException {
        var progress = new DecodeProgress(err);
        DatasetOptions options = (input == null ? DatasetOptions.defaults().imagesOwnSize()
                : DatasetOptions.defaults().withSize(input.height(), input.width(), input.channels()))
                .withProgress(progress);
        try {
            return Datasets.open(spec, options);
        } catch (IOException e) {
            throw new InvalidDataException(spec + ": cannot read: " + e.getMessage()
                    + ". Check that the files exist and are readable", e);
        } finally {
            progress.finish();
        }
    }

    static void describe(Dataset data, PrintWriter err) {
        err.printf(Locale.ROOT, "Dataset %s: %,d training and %,d test images, %dx%dx%d, %d classes%n", data.name(),
                data.train().size(), data.test().size(), data.train().height(), data.train().width(),
                data.train().channels(), data.classNames().size());
        var skipped = data.report().skipped();
        if (!skipped.isEmpty()) {
            err.printf(Locale.ROOT, "Skipped %,d file(s):%n", skipped.size());
            skipped.stream().limit(SKIPPED_SHOWN).forEach(s -> err.println("  " + s));
            if (skipped.size() > SKIPPED_SHOWN) {
                err.printf(Locale.ROOT, "  ... and %,d more (./workbench datasets info %s lists them all)%n",
                        skipped.size() - SKIPPED_SHOWN, data.name());
            }
        }
    }

    /** "decoding images 1,234/20,000" on a terminal, redrawn; every 10 seconds in a log. */
    private static final class DecodeProgress implements DatasetOptions.Progress {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private long last;
        private boolean printed;

        DecodeProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(String phase, long done, long total) {
            long now = System.nanoTime();
            if (done < total && now - last < (terminal ? 250_000_000L : 10_000_000_000L)) {
                return;
            }
            last = now;
            String line = String.format(Locale.ROOT, "%s %,d/%,d", phase, done, total);
            if (terminal) {
                err.print("\r" + line);
            } else {
                err.println(line);
            }
            err.flush();
            printed = true;
        }

        synchronized void finish() {
            if (terminal && printed) {
                err.println();
            }
        }
    }
}
