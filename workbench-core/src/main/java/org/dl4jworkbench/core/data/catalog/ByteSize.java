package org.dl4jworkbench.core.data.catalog;

import java.util.Locale;

/** Byte counts for people: "4,542 bytes", "9.9 MB", "170.1 MB" (decimal units, as servers and browsers show). */
public final class ByteSize {

    private ByteSize() {
    }

    public static String format(long bytes) {
        if (bytes < 0) {
            return "unknown size";
        }
        if (bytes < 10_000) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes / 1000.0;
        int unit = 0;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
