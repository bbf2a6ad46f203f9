package org.dl4jworkbench.core.export;

import java.util.Locale;

/**
 * Spec values written as Java source: literals that javac reads back to exactly the same value,
 * and comment text that cannot end its comment or smuggle in a line break. Names come from the
 * user ("my "best" layer", a Unicode escape typed as text), so every one goes through here.
 */
final class JavaText {

    private JavaText() {
    }

    /**
     * A string literal. Quotes, backslashes and control characters are escaped with octal or
     * character escapes, never with backslash-u Unicode escapes: javac turns those into characters
     * before it reads the literal, so an escaped quote would end the string. Other non-ASCII
     * characters are written as Unicode escapes, which are safe inside a literal and keep the
     * file ASCII.
     */
    static String string(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\%03o", (int) c));
                    } else if (c > 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text for a line or block comment: line breaks and other control characters become spaces,
     * a star followed by a slash (which would end a block comment) gets a space between them, and
     * backslashes are doubled so that no backslash-u Unicode escape typed into a name is read by
     * javac as a line break or a comment's end (javac takes a backslash-u for an escape only where
     * an even number of backslashes precede it).
     */
    static String comment(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append(' ');
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c == '/' && i > 0 && text.charAt(i - 1) == '*') {
                out.append(" /");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} (made safe by {@link #comment}) as the lines of a Javadoc comment, each
     * beginning {@code " * "} and ending with a newline, broken at spaces before {@code width}
     * characters where a word allows.
     */
    static String javadoc(String text, int width) {
        var out = new StringBuilder();
        var line = new StringBuilder(" *");
        for (String word : comment(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 2 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(" *");
            }
            line.append(' ').append(word);
        }
        return out.append(line).append('\n').toString();
    }

    /** A double literal that reads back to the same bits ({@link Double#toString} is the shortest that does). */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("no Java literal for " + value);
        }
        return Double.toString(value);
    }

    /** A long literal for a seed. */
    static String number(long value) {
        return value + (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? "L" : "");
    }
}
