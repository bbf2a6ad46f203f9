package org.dl4jworkbench.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every CSV the workbench writes (run logs, exported curves and predictions), cell by cell:
 * quoted per RFC 4180 where a cell holds a comma, a quote or a line break, and text that a
 * spreadsheet would run as a formula (a cell starting with {@code = + - @}, a tab or a
 * carriage return: a file or class name from anywhere) is made plain text by a leading
 * {@code '} inside quotes, as OWASP advises against CSV injection. Numbers are written as
 * they are, negative ones included, so readers of the run logs see what they always did.
 * Rows end with a line feed, as the run logs always have.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Csv() {
    }

    /** One row of cells, each through {@link #cell}, ending with a line feed. */
    public static String row(List<String> cells) {
        var out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return out.append('\n').toString();
    }

    public static String row(String... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    /** A cell as written: empty for null, a number as it is, text quoted and neutralised where needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty() || NUMBER.matcher(value).matches()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        String text = formula ? "'" + value : value;
        if (formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** A finite number as {@code %.6g} ({@code Locale.ROOT}), an empty cell otherwise (not measured). */
    public static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }

    /**
     * The rows of a CSV text as written here (RFC 4180: quoted cells may hold commas, quotes
     * and line breaks). Cells come back as written, a neutralising {@code '} included: what
     * was text stays text.
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
