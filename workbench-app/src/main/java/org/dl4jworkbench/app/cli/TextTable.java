package org.dl4jworkbench.app.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as columns padded to their widest cell, two spaces apart; the first row is the header. */
final class TextTable {

    private TextTable() {
    }

    /** {@code rightAligned[c]}: column c holds numbers. */
    static void print(List<String[]> rows, boolean[] rightAligned, PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                if (c > 0) {
                    line.append("  ");
                }
                line.append(rightAligned[c] ? pad + cell : cell + (c == columns - 1 ? "" : pad));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
