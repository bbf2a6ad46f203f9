package org.dl4jworkbench.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * Reads a {@code --vary} text: {@code NAME=V1,V2,...} (values to choose from) or
 * {@code NAME=LOW..HIGH} with an optional {@code :log} (a range random search samples, on a
 * log scale with {@code :log}). Every message quotes the text, says what was expected and what
 * was found.
 */
public final class VaryParser {

    static final String FORM = "NAME=V1,V2,... or NAME=LOW..HIGH[:log], e.g. learning_rate=1e-4..1e-2:log or "
            + "batch_size=32,64";

    private VaryParser() {
    }

    /** The parameters of several texts; a setting given twice is refused. */
    public static List<Parameter> parseAll(List<String> texts, NetworkSpec spec) throws SweepException {
        List<Parameter> parameters = new ArrayList<>();
        var names = new LinkedHashSet<String>();
        for (String text : texts) {
            Parameter p = parse(text, spec);
            if (!names.add(p.name())) {
                throw new SweepException("--vary '" + text + "': " + p.name() + " is varied twice; give all its values "
                        + "in one --vary");
            }
            parameters.add(p);
        }
        return parameters;
    }

    public static Parameter parse(String text, NetworkSpec spec) throws SweepException {
        String t = text.strip();
        int eq = t.indexOf('=');
        if (eq <= 0 || eq == t.length() - 1) {
            throw error(text, "expected " + FORM + "; found " + (eq < 0 ? "no '='" : eq == 0 ? "no setting name"
                    : "no values after '='"));
        }
        String name = t.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
        String values = t.substring(eq + 1).strip();
        Parameter.Kind kind;
        try {
            kind = SpecSettings.kindOf(name, spec);
        } catch (SweepException e) {
            throw error(text, e.getMessage());
        }
        return values.contains("..") ? range(text, name, kind, values) : list(text, name, kind, values);
    }

    private static Parameter list(String text, String name, Parameter.Kind kind, String values) throws SweepException {
        List<Object> choices = new ArrayList<>();
        for (String raw : values.split(",", -1)) {
            String v = raw.strip();
            if (v.isEmpty()) {
                throw error(text, "expected a value between the commas, found an empty one");
            }
            Object value = value(text, name, kind, v);
            if (choices.contains(value)) {
                throw error(text, "the value " + v + " is given twice");
            }
            choices.add(value);
        }
        return new Parameter(name, kind, choices, null, null, false, text.strip());
    }

    private static Parameter range(String text, String name, Parameter.Kind kind, String values) throws SweepException {
        if (kind == Parameter.Kind.CHOICE) {
            throw error(text, name + " takes a list of values (" + String.join(",", SpecSettings.optimizers())
                    + "), not a range");
        }
        String bounds = values;
        boolean log = false;
        int colon = values.lastIndexOf(':');
        if (colon >= 0) {
            String scale = values.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (!scale.equals("log") && !scale.equals("linear")) {
                throw error(text, "expected the scale ':log' or ':linear' after the range, found ':" + scale + "'");
            }
            log = scale.equals("log");
            bounds = values.substring(0, colon);
        }
        String[] ends = bounds.split("\\.\\.", -1);
        if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
            throw error(text, "expected a range LOW..HIGH, found '" + bounds + "'");
        }
        double low = ((Number) value(text, name, kind, ends[0].strip())).doubleValue();
        double high = ((Number) value(text, name, kind, ends[1].strip())).doubleValue();
        if (!(low < high)) {
            throw error(text, "expected LOW below HIGH, found " + ends[0].strip() + " and " + ends[1].strip());
        }
        if (log && low <= 0) {
            throw error(text, "a log range needs LOW above 0, found " + ends[0].strip());
        }
        return new Parameter(name, kind, null, low, high, log, text.strip());
    }

    private static Object value(String text, String name, Parameter.Kind kind, String v) throws SweepException {
        switch (kind) {
            case CHOICE -> {
                String id = v.toLowerCase(Locale.ROOT);
                if (!SpecSettings.optimizers().contains(id)) {
                    throw error(text, "expected an optimizer (" + String.join(", ", SpecSettings.optimizers())
                            + "), found '" + v + "'");
                }
                return id;
            }
            case INTEGER -> {
                int n;
                try {
                    n = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw error(text, name + " takes whole numbers, found '" + v + "'");
                }
                if (n < 1) {
                    throw error(text, name + " must be at least 1, found " + n);
                }
                return n;
            }
            default -> {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw error(text, name + " takes numbers such as 0.001 or 1e-3, found '" + v + "'");
                }
                boolean rate = name.equals("dropout") || name.endsWith(".rate") || name.equals("momentum");
                if (!Double.isFinite(d) || d < 0 || rate && d >= 1 || name.equals("learning_rate") && d == 0) {
                    throw error(text, name + " must be " + (rate ? "from 0 up to (not including) 1"
                            : name.equals("learning_rate") ? "above 0" : "0 or more") + ", found " + v);
                }
                return d;
            }
        }
    }

    private static SweepException error(String text, String why) {
        return new SweepException("--vary '" + text + "': " + why);
    }
}
