package org.dl4jworkbench.app.ui.predict;

import java.util.List;
import java.util.Locale;

/**
 * Predictions as CSV (RFC 4180: CRLF line ends; cells with a comma, quote or line break quoted,
 * quotes doubled). Text cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) get a leading apostrophe, so a file named
 * "=cmd|..." stays text when the export is opened.
 */
final class PredictionCsv {

    static final String HEADER = "image,class,probability,next_best,problem";
    private static final String EOL = "\r\n";

    private PredictionCsv() {
    }

    static String csv(List<FolderRow> rows) {
        var out = new StringBuilder(HEADER).append(EOL);
        for (FolderRow r : rows) {
            out.append(cell(r.file())).append(',').append(cell(r.best())).append(',')
                    .append(r.error() == null ? String.format(Locale.ROOT, "%.6f", r.probability()) : "").append(',')
                    .append(cell(r.second())).append(',').append(cell(r.error() == null ? "" : r.error()))
                    .append(EOL);
        }
        return out.toString();
    }

    /** One text cell, neutralised and quoted as needed. */
    static String cell(String s) {
        String text = s == null ? "" : s;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
