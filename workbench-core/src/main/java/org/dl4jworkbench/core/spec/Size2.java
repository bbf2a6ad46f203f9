package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A height-by-width pair (kernel or stride). Written in JSON as {@code [height, width]};
 * a single number {@code 5} is read as {@code [5, 5]}.
 */
public record Size2(int height, int width) {

    public static Size2 square(int size) {
        return new Size2(size, size);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Size2 fromJson(Object value) {
        if (value instanceof Number n) {
            return square(n.intValue());
        }
        if (value instanceof java.util.List<?> list && list.size() == 2
                && list.get(0) instanceof Number h && list.get(1) instanceof Number w) {
            return new Size2(h.intValue(), w.intValue());
        }
        throw new IllegalArgumentException("expected a number or [height, width], found " + value);
    }

    @JsonValue
    int[] toJson() {
        return new int[] {height, width};
    }

    public boolean isSquare() {
        return height == width;
    }

    /** "5x5", or "5" where {@code compact} and square. */
    public String format(boolean compact) {
        return compact && isSquare() ? Integer.toString(height) : height + "x" + width;
    }

    @Override
    public String toString() {
        return format(false);
    }
}
