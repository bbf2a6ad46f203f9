package org.dl4jworkbench.app.ui.fields;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a numeric field accepts, and how its text reads, the same in every locale: digits with
 * a point for decimals, an optional exponent ({@code 1e-3}), commas only to group thousands of
 * a whole number ({@code 1,000}). A share can be shown as a percentage ({@code 10 %} is 0.1)
 * and a unit may follow the number ({@code 30°}). Out-of-range values are refused, never
 * clamped; the message names the field, what it accepts and what was found:
 * {@code Epochs: expected a whole number from 1 to 1,000, found "lots"}. No JavaFX here.
 *
 * @param name     the field's name in messages ("Epochs")
 * @param min      the smallest value, or -infinity for none
 * @param max      the largest value, or +infinity for none
 * @param whole    whether only whole numbers are accepted
 * @param scale    shown = value * scale (100 for percentages)
 * @param suffix   what follows the shown number ("", " %", "°")
 */
public record NumberRule(String name, double min, boolean minInclusive, double max, boolean maxInclusive,
                         boolean whole, double scale, String suffix) {

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(,\\d{3})+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");

    /** The outcome of reading a field's text: a value, or why there is none. */
    public record Parsed(double value, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /** Whole numbers from {@code min} to {@code max}, both included. */
    public static NumberRule whole(String name, long min, long max) {
        return new NumberRule(name, min, true, max, true, true, 1, "");
    }

    /** Numbers from {@code min} to {@code max}, both included (an infinite bound: none). */
    public static NumberRule decimal(String name, double min, double max) {
        return new NumberRule(name, min, true, max, true, false, 1, "");
    }

    public NumberRule aboveMin() {
        return new NumberRule(name, min, false, max, maxInclusive, whole, scale, suffix);
    }

    public NumberRule belowMax() {
        return new NumberRule(name, min, minInclusive, max, false, whole, scale, suffix);
    }

    /** Shown and typed as a percentage: 0.1 reads "10 %". */
    public NumberRule percent() {
        return new NumberRule(name, min, minInclusive, max, maxInclusive, whole, 100, " %");
    }

    /** A unit after the number, as in "30°". */
    public NumberRule unit(String unit) {
        return new NumberRule(name, min, minInclusive, max, maxInclusive, whole, scale, unit);
    }

    /** "a whole number from 1 to 1,000", "a number above 0 and at most 10". */
    public String accepts() {
        String kind = whole ? "a whole number" : "a number";
        boolean low = Double.isFinite(min);
        boolean high = Double.isFinite(max);
        if (low && high && minInclusive && maxInclusive) {
            return kind + " from " + bound(min) + " to " + bound(max);
        }
        String lower = !low ? null : minInclusive ? "of at least " + bound(min) : "above " + bound(min);
        String upper = !high ? null : maxInclusive ? "at most " + bound(max) : "below " + bound(max);
        if (lower != null && upper != null) {
            return kind + " " + lower + " and " + upper;
        }
        return lower != null ? kind + " " + lower : upper != null ? kind + " " + upper : kind;
    }

    /** The message for text that is not accepted. */
    public String problem(String text) {
        String found = text.isBlank() ? "nothing" : "\"" + text.strip() + "\"";
        String hint = !whole && DECIMAL_COMMA.matcher(strip(text)).matches()
                ? " (decimals take a point: " + strip(text).replace(',', '.') + ")" : "";
        return name + ": expected " + accepts() + ", found " + found + hint;
    }

    /** Reads {@code text}: the value (unscaled: 0.1 for "10 %") or the problem with it. */
    public Parsed parse(String text) {
        String s = strip(text);
        BigDecimal shown;
        try {
            if (PLAIN.matcher(s).matches()) {
                shown = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
            } else if (whole && GROUPED.matcher(s).matches()) {
                shown = new BigDecimal(s.replace(",", "").replace("+", ""));
            } else {
                return new Parsed(Double.NaN, problem(text));
            }
        } catch (NumberFormatException | ArithmeticException e) { // an exponent beyond any number
            return new Parsed(Double.NaN, problem(text));
        }
        if (whole && shown.stripTrailingZeros().scale() > 0) {
            return new Parsed(Double.NaN, problem(text));
        }
        BigDecimal value = scale == 1 ? shown : shown.divide(BigDecimal.valueOf(scale), MathContext.DECIMAL64);
        if (!inRange(value) || !Double.isFinite(value.doubleValue())) {
            return new Parsed(Double.NaN, problem(text));
        }
        return new Parsed(value.doubleValue(), null);
    }

    /** Whether {@code value} (unscaled) is one this rule accepts. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && inRange(new BigDecimal(Double.toString(value)))
                && (!whole || value == Math.rint(value));
    }

    /** The text a field shows for {@code value}: "0.001", "1000", "10 %". */
    public String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return plain(new BigDecimal(Double.toString(value)).multiply(BigDecimal.valueOf(scale))) + suffix;
    }

    private boolean inRange(BigDecimal value) {
        if (Double.isFinite(min)) {
            int c = value.compareTo(new BigDecimal(Double.toString(min)));
            if (c < 0 || (c == 0 && !minInclusive)) {
                return false;
            }
        }
        if (Double.isFinite(max)) {
            int c = value.compareTo(new BigDecimal(Double.toString(max)));
            return c < 0 || (c == 0 && maxInclusive);
        }
        return true;
    }

    private String strip(String text) {
        String s = text.strip();
        String unit = suffix.strip();
        if (!unit.isEmpty() && s.endsWith(unit)) {
            s = s.substring(0, s.length() - unit.length()).strip();
        }
        return s;
    }

    private String bound(double v) {
        BigDecimal shown = new BigDecimal(Double.toString(v)).multiply(BigDecimal.valueOf(scale));
        String text = whole || shown.stripTrailingZeros().scale() <= 0 && shown.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0
                ? String.format(Locale.ROOT, "%,d", shown.longValue()) : plain(shown);
        return text + suffix;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
