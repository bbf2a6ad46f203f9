package org.dl4jworkbench.app.ui.predict;

import java.util.List;
import java.util.Locale;
import org.dl4jworkbench.core.util.Csv;

/**
 * Predictions as CSV, written through core's {@link Csv} as every CSV of the workbench is:
 * quoted per RFC 4180, and text a spreadsheet would run as a formula (a file named
 * "=cmd|...") kept as text.
 */
final class PredictionCsv {

    static final String HEADER = "image,class,probability,next_best,problem";

    private PredictionCsv() {
    }

    static String csv(List<FolderRow> rows) {
        var out = new StringBuilder(Csv.row("image", "class", "probability", "next_best", "problem"));
        for (FolderRow r : rows) {
            out.append(Csv.row(r.file(), r.best(),
                    r.error() == null ? String.format(Locale.ROOT, "%.6f", r.probability()) : "", r.second(),
                    r.error()));
        }
        return out.toString();
    }
}
