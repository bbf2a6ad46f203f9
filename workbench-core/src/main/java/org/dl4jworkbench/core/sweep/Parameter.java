package org.dl4jworkbench.core.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One setting a sweep varies, as {@code --vary} gives it: a list of values
 * ({@code batch_size=32,64}) or a range ({@code learning_rate=1e-4..1e-2:log}) that random
 * search samples, evenly or on a log scale. {@code text} is the text it was parsed from.
 * Values are {@link Double} for {@link Kind#REAL}, {@link Integer} for {@link Kind#INTEGER}
 * and {@link String} (an id) for {@link Kind#CHOICE}.
 */
public record Parameter(String name, Kind kind, List<Object> choices, Double low, Double high, boolean log,
                        String text) {

    /** What values a setting takes. */
    public enum Kind { REAL, INTEGER, CHOICE }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? null : List.copyOf(choices);
        if ((choices == null) == (low == null || high == null)) {
            throw new IllegalArgumentException(name + ": either choices or a range, not both or neither");
        }
    }

    public boolean isRange() {
        return choices == null;
    }

    /** A value drawn at random: one of the choices, or a point of the range (3 significant digits). */
    public Object sample(Random random) {
        if (!isRange()) {
            return choices.get(random.nextInt(choices.size()));
        }
        double u = random.nextDouble();
        double value = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        if (kind == Kind.INTEGER) {
            return (int) Math.max(Math.round(low), Math.min(Math.round(high), Math.round(value)));
        }
        return new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }

    @Override
    public String toString() {
        return text;
    }
}
