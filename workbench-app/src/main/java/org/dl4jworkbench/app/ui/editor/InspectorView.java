package org.dl4jworkbench.app.ui.editor;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.PoolingType;
import org.dl4jworkbench.core.spec.Size2;
import org.dl4jworkbench.core.spec.SpecEnum;

/**
 * Settings of the selected block, with validated controls (spinners within sensible bounds,
 * choices) that change the network as you type: every change is an undoable edit, and a run
 * of changes to one field is one undo step.
 */
public final class InspectorView {

    public static final String ID = "inspector";

    private final EditorModel editor;
    private final VBox root = new VBox(8);
    private boolean updating;

    public InspectorView(EditorModel editor) {
        this.editor = editor;
        root.setId(ID);
        root.getStyleClass().add("inspector");
        root.setPadding(new Insets(8));
        editor.selectedProperty().addListener((obs, old, now) -> rebuild());
        editor.specProperty().addListener((obs, old, now) -> {
            if (!updating) {
                rebuild();
            }
        });
        rebuild();
    }

    public Node node() {
        return root;
    }

    private void rebuild() {
        root.getChildren().clear();
        var title = new Label("Settings");
        title.getStyleClass().add("section-title");
        root.getChildren().add(title);
        int index = editor.selected();
        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        if (index == EditorModel.INPUT) {
            input(grid);
        } else if (index == editor.outputBlock()) {
            output(grid);
        } else if (editor.isLayer(index)) {
            layer(grid, index, editor.spec().layers().get(index));
        } else {
            var hint = new Label("Select a block to change its settings.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            root.getChildren().add(hint);
            return;
        }
        root.getChildren().add(grid);
    }

    private void input(GridPane grid) {
        InputSpec in = editor.spec().input();
        heading(grid, "Input", "The image size the network takes.");
        intRow(grid, "Height", "input-height", in.height(), 1, 1024, v -> editInput(new InputSpec(v, input().width(),
                input().channels()), "height"));
        intRow(grid, "Width", "input-width", in.width(), 1, 1024, v -> editInput(new InputSpec(input().height(), v,
                input().channels()), "width"));
        intRow(grid, "Channels", "input-channels", in.channels(), 1, 3, v -> editInput(new InputSpec(
                input().height(), input().width(), v), "channels"));
    }

    private void output(GridPane grid) {
        heading(grid, "Output", "Softmax over the classes, cross-entropy loss.");
        intRow(grid, "Classes", "output-classes", editor.spec().output().classes(), 1, 10_000,
                v -> edit("Change classes of output", "output.classes",
                        s -> s.withOutput(new OutputSpec(v)), editor.outputBlock()));
    }

    private void layer(GridPane grid, int index, LayerSpec layer) {
        heading(grid, layer.name(), layer.type());
        textRow(grid, "Name", "layer-name", layer.name(), v -> v.isBlank() ? null : cur(index, LayerSpec.class).withName(v.strip()), index);
        if (layer instanceof ConvolutionSpec c) {
            intRow(grid, "Filters", "conv-filters", c.filters(), 1, 4096,
                    v -> replace(index, cur(index, ConvolutionSpec.class).withFilters(v), "filters"));
            intRow(grid, "Kernel", "conv-kernel", c.kernel().height(), 1, 31,
                    v -> replace(index, cur(index, ConvolutionSpec.class).withKernel(Size2.square(v)), "kernel"));
            intRow(grid, "Stride", "conv-stride", c.stride().height(), 1, 16,
                    v -> replace(index, cur(index, ConvolutionSpec.class).withStride(Size2.square(v)), "stride"));
            choiceRow(grid, "Padding", "conv-padding", Padding.values(), c.padding(),
                    v -> replace(index, cur(index, ConvolutionSpec.class).withPadding(v), "padding"));
            choiceRow(grid, "Activation", "conv-activation", Activation.values(), c.activation(),
                    v -> replace(index, cur(index, ConvolutionSpec.class).withActivation(v), "activation"));
        } else if (layer instanceof PoolingSpec p) {
            choiceRow(grid, "Pooling", "pool-type", PoolingType.values(), p.pooling(),
                    v -> replace(index, cur(index, PoolingSpec.class).withPooling(v), "pooling"));
            intRow(grid, "Kernel", "pool-kernel", p.kernel().height(), 1, 31,
                    v -> replace(index, cur(index, PoolingSpec.class).withKernel(Size2.square(v)), "kernel"));
            intRow(grid, "Stride", "pool-stride", p.stride().height(), 1, 16,
                    v -> replace(index, cur(index, PoolingSpec.class).withStride(Size2.square(v)), "stride"));
            choiceRow(grid, "Padding", "pool-padding", Padding.values(), p.padding(),
                    v -> replace(index, cur(index, PoolingSpec.class).withPadding(v), "padding"));
        } else if (layer instanceof DenseSpec d) {
            intRow(grid, "Units", "dense-units", d.units(), 1, 65_536,
                    v -> replace(index, cur(index, DenseSpec.class).withUnits(v), "units"));
            choiceRow(grid, "Activation", "dense-activation", Activation.values(), d.activation(),
                    v -> replace(index, cur(index, DenseSpec.class).withActivation(v), "activation"));
        } else if (layer instanceof DropoutSpec d) {
            var spinner = new Spinner<Double>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 0.95, d.rate(),
                    0.05));
            spinner.setEditable(true);
            spinner.setId("dropout-rate");
            spinner.setPrefWidth(110);
            spinner.valueProperty().addListener((obs, old, v) -> {
                if (v != null) {
                    replace(index, cur(index, DropoutSpec.class).withRate(v), "rate");
                }
            });
            commitOnType(spinner);
            row(grid, "Rate dropped", spinner);
        } else if (layer instanceof BatchNormSpec) {
            var note = new Label("Normalizes each channel over the minibatch, then scales and shifts it.");
            note.setWrapText(true);
            note.getStyleClass().add("hint");
            grid.add(note, 0, grid.getRowCount(), 2, 1);
        }
    }

    // ---- rows ------------------------------------------------------------------------------------

    private static void heading(GridPane grid, String title, String subtitle) {
        var t = new Label(title);
        t.getStyleClass().add("inspector-title");
        var s = new Label(subtitle);
        s.getStyleClass().add("hint");
        s.setWrapText(true);
        grid.add(new VBox(2, t, s), 0, grid.getRowCount(), 2, 1);
    }

    private static void row(GridPane grid, String label, Node control) {
        int r = grid.getRowCount();
        var l = new Label(label);
        l.setLabelFor(control);
        grid.add(l, 0, r);
        grid.add(control, 1, r);
    }

    private void intRow(GridPane grid, String label, String id, int value, int min, int max, Consumer<Integer> set) {
        var spinner = new Spinner<Integer>(min, max, Math.max(min, Math.min(max, value)));
        spinner.setEditable(true);
        spinner.setId(id);
        spinner.setPrefWidth(110);
        spinner.valueProperty().addListener((obs, old, v) -> {
            if (v != null && !v.equals(old)) {
                set.accept(v);
            }
        });
        commitOnType(spinner);
        row(grid, label, spinner);
    }

    private <E extends Enum<E> & SpecEnum> void choiceRow(GridPane grid, String label, String id, E[] values, E value,
                                                          Consumer<E> set) {
        var choice = new ChoiceBox<E>();
        choice.getItems().setAll(values);
        choice.setValue(value);
        choice.setId(id);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.id();
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().addListener((obs, old, v) -> {
            if (v != null && v != old) {
                set.accept(v);
            }
        });
        row(grid, label, choice);
    }

    private void textRow(GridPane grid, String label, String id, String value, Function<String, LayerSpec> make,
                         int index) {
        var field = new TextField(value);
        field.setId(id);
        field.setPrefColumnCount(10);
        field.setOnAction(e -> commitName(field, make, index));
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitName(field, make, index);
            }
        });
        row(grid, label, field);
    }

    private void commitName(TextField field, Function<String, LayerSpec> make, int index) {
        LayerSpec renamed = make.apply(field.getText());
        if (renamed != null && editor.isLayer(index) && !renamed.equals(editor.spec().layers().get(index))) {
            replace(index, renamed, "name");
        }
    }

    /** Spinners commit typed text as it becomes a valid value, not only on Enter. */
    private static <T> void commitOnType(Spinner<T> spinner) {
        spinner.getEditor().textProperty().addListener((obs, old, text) -> {
            try {
                T value = spinner.getValueFactory().getConverter().fromString(text);
                if (value != null) {
                    spinner.getValueFactory().setValue(value);
                }
            } catch (RuntimeException e) {
                // not a number yet: keep typing
            }
        });
    }

    // ---- edits ---------------------------------------------------------------------------------

    /** The layer as it is now: the controls outlive the edits they make. */
    private <T extends LayerSpec> T cur(int index, Class<T> type) {
        return type.cast(editor.spec().layers().get(index));
    }

    private InputSpec input() {
        return editor.spec().input();
    }

    private void replace(int index, LayerSpec layer, String field) {
        updating = true;
        try {
            editor.replaceLayer(index, layer, field);
        } finally {
            updating = false;
        }
    }

    private void editInput(InputSpec input, String field) {
        edit("Change input " + field, "input." + field, s -> s.withInput(input), EditorModel.INPUT);
    }

    private void edit(String description, String key, java.util.function.UnaryOperator<org.dl4jworkbench.core.spec
            .NetworkSpec> change, int select) {
        updating = true;
        try {
            editor.apply(description, key, change, select);
        } finally {
            updating = false;
        }
    }
}
