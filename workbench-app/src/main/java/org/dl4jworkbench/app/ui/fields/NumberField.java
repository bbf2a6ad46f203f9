package org.dl4jworkbench.app.ui.fields;

import java.math.BigDecimal;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.editor.FieldProblems;

/**
 * A field for one number of the spec: a text field, or a spinner where stepping makes sense.
 * Each text that {@link NumberRule} accepts is applied as it is typed; text it refuses stays
 * in the field (the typing is not lost), turns the field red, shows the rule's message under
 * it and in {@link FieldProblems} (which holds Train back), and applies nothing: the spec
 * keeps (or gets back) the value it held before the typing began, so "40" refused after "4"
 * was accepted leaves no 4 behind. The accepted
 * range is the field's tooltip and prompt. {@link #dispose()} when the field leaves the form.
 */
public final class NumberField {

    public static final String INVALID = "invalid";

    private final String id;
    private final NumberRule rule;
    private final FieldProblems problems;
    private final Control control;
    private final TextField editor;
    private final Factory factory;
    private final Label message = new Label();
    private final VBox node;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private DoubleConsumer onValue = v -> { };
    private double value;
    private double before;
    private boolean showing;

    /** A plain text field (learning rates and other numbers without a natural step). */
    public static NumberField text(String id, NumberRule rule, double value, FieldProblems problems) {
        return new NumberField(id, rule, value, 0, problems);
    }

    /** A spinner whose arrows add or take {@code step} (sizes, counts, shares). */
    public static NumberField spinner(String id, NumberRule rule, double value, double step, FieldProblems problems) {
        return new NumberField(id, rule, value, step, problems);
    }

    private NumberField(String id, NumberRule rule, double value, double step, FieldProblems problems) {
        this.id = id;
        this.rule = rule;
        this.problems = problems;
        this.value = value;
        this.before = value;
        if (step > 0) {
            factory = new Factory(step);
            var spinner = new Spinner<Double>(factory);
            spinner.setEditable(true);
            spinner.setPrefWidth(120);
            editor = spinner.getEditor();
            control = spinner;
        } else {
            factory = null;
            editor = new TextField();
            editor.setPrefColumnCount(8);
            control = editor;
        }
        control.setId(id);
        control.setMaxWidth(Region.USE_PREF_SIZE); // not as wide as the message below it
        showing = true;
        editor.setText(rule.format(value));
        showing = false;
        editor.setPromptText(rule.accepts());
        control.setTooltip(new Tooltip(rule.name() + ": " + rule.accepts()));
        message.setId(id + "-problem");
        message.getStyleClass().add("field-problem");
        message.setWrapText(true);
        message.setMaxWidth(230);
        message.setMinHeight(Region.USE_PREF_SIZE);
        node = new VBox(2, control, message);
        editor.textProperty().addListener((obs, old, text) -> read(text));
        control.focusedProperty().addListener((obs, was, now) -> startTyping(now));
        editor.focusedProperty().addListener((obs, was, now) -> startTyping(now));
        check();
    }

    /** Called with each accepted value that differs from the last. */
    public NumberField onValue(DoubleConsumer set) {
        onValue = set;
        return this;
    }

    /** The field with the place for its message below it: what goes into a form. */
    public Node node() {
        return node;
    }

    public Control control() {
        return control;
    }

    public TextField editor() {
        return editor;
    }

    public String id() {
        return id;
    }

    public NumberRule rule() {
        return rule;
    }

    /** The message while the text is refused, else null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isValid() {
        return problem.get() == null;
    }

    /** The last accepted value (or the value shown first). */
    public double value() {
        return value;
    }

    /**
     * Shows {@code v} from the spec (after undo, or opening a project) without applying it.
     * Refused text stays while the spec still holds the value it replaced.
     */
    public void show(double v) {
        if (!isValid() && v == value) {
            return;
        }
        reset(v);
    }

    /** Shows {@code v} (another project is open now), whatever was typed. */
    public void reset(double v) {
        showing = true;
        try {
            value = v;
            before = v;
            editor.setText(rule.format(v));
            if (factory != null) {
                factory.setValue(v);
            }
        } finally {
            showing = false;
        }
        check();
    }

    /** Puts back text a user typed into the field this one replaces (it is read as if typed). */
    public void restore(String text) {
        editor.setText(text);
    }

    /** The field leaves the form: its problem no longer holds anything back. */
    public void dispose() {
        if (problem.get() != null) {
            problems.remove(id);
        }
    }

    /** Values accepted while typing are applied at once; text refused then puts back the value from before. */
    private void startTyping(boolean focused) {
        if (focused) {
            before = value;
        }
    }

    private void check() {
        NumberRule.Parsed parsed = rule.parse(editor.getText());
        mark(parsed.valid() ? null : parsed.problem());
    }

    private void read(String text) {
        if (showing) {
            return;
        }
        NumberRule.Parsed parsed = rule.parse(text);
        if (!parsed.valid()) {
            mark(parsed.problem());
            if (value != before) { // "40" after "4": the spec goes back to what it held before the typing
                value = before;
                onValue.accept(value);
            }
            return;
        }
        mark(null);
        if (factory != null) {
            showing = true;
            try {
                factory.setValue(parsed.value());
            } finally {
                showing = false;
            }
        }
        if (parsed.value() != value) {
            value = parsed.value();
            onValue.accept(value);
        }
    }

    private void mark(String text) {
        problem.set(text);
        message.setText(text == null ? "" : text);
        message.setVisible(text != null);
        message.setManaged(text != null);
        editor.getStyleClass().remove(INVALID);
        if (text == null) {
            problems.remove(id);
        } else {
            editor.getStyleClass().add(INVALID);
            problems.put(id, text);
        }
    }

    /** Steps from the last accepted value, never past the rule's bounds; refused text maps to no change. */
    private final class Factory extends SpinnerValueFactory<Double> {
        private final double step;

        Factory(double step) {
            this.step = step;
            setConverter(new StringConverter<>() {
                @Override
                public String toString(Double v) {
                    if (v == null) {
                        return "";
                    }
                    if (editor != null) { // the text as typed where it already says this value ("0.50")
                        NumberRule.Parsed now = rule.parse(editor.getText());
                        if (now.valid() && now.value() == v) {
                            return editor.getText();
                        }
                    }
                    return rule.format(v);
                }

                @Override
                public Double fromString(String text) {
                    NumberRule.Parsed parsed = rule.parse(text);
                    return parsed.valid() ? parsed.value() : getValue();
                }
            });
            setValue(value);
        }

        @Override
        public void decrement(int steps) {
            increment(-steps);
        }

        @Override
        public void increment(int steps) {
            double next = new BigDecimal(Double.toString(value))
                    .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(steps))).doubleValue();
            if (!rule.accepts(next)) {
                next = steps > 0 ? rule.max() : rule.min();
            }
            if (rule.accepts(next) && next != value) {
                editor.setText(rule.format(next));
            }
        }
    }
}
