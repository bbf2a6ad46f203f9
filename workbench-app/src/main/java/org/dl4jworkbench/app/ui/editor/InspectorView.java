package org.dl4jworkbench.app.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.editor.BackboneEdits;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.ui.fields.NumberField;
import org.dl4jworkbench.app.ui.fields.NumberRule;
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
 * Settings of the selected block, with validated controls ({@link NumberField}s that say what
 * they accept and apply nothing they refuse, choices) that change the network as you type:
 * every change is an undoable edit, and a run of changes to one field is one undo step.
 */
public final class InspectorView {

    public static final String ID = "inspector";

    private final EditorModel editor;
    private final VBox root = new VBox(8);
    private final List<NumberField> fields = new ArrayList<>();
    private int shownBlock = EditorModel.NONE;
    private int builtFor = -1;
    private boolean updating;

    public InspectorView(EditorModel editor) {
        this.editor = editor;
        root.setId(ID);
        root.getStyleClass().add("inspector");
        root.setPadding(new Insets(8));
        editor.selectedProperty().addListener((obs, old, now) -> rebuild());
        editor.loadedProperty().addListener((obs, old, now) -> rebuild()); // what was typed goes with the project
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
        Map<String, NumberField> before = new HashMap<>();
        if (shownBlock == editor.selected() && builtFor == editor.loads()) { // same block (undo): refused text stays
            fields.forEach(f -> before.put(f.id(), f));
        }
        fields.forEach(NumberField::dispose);
        fields.clear();
        shownBlock = editor.selected();
        builtFor = editor.loads();
        root.getChildren().clear();
        var title = new Label("Settings");
        title.getStyleClass().add("section-title");
        root.getChildren().add(title);
        int index = editor.selected();
        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        if (index == EditorModel.INPUT && editor.spec().hasBackbone()) {
            BackboneInspector.input(grid, editor.spec());
        } else if (index == EditorModel.INPUT) {
            input(grid);
        } else if (index == EditorModel.BACKBONE && editor.spec().hasBackbone()) {
            BackboneInspector.backbone(grid, editor.spec(), block -> whileUpdating(() ->
                    BackboneEdits.trainFrom(editor, block)));
        } else if (index == editor.outputBlock()) {
            output(grid);
        } else if (editor.isLayer(index)) {
            layer(grid, index, editor.spec().layers().get(index));
        } else {
            shownBlock = EditorModel.NONE;
            var hint = new Label("Select a block to change its settings.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            root.getChildren().add(hint);
            return;
        }
        root.getChildren().add(grid);
        for (NumberField f : fields) {
            NumberField old = before.get(f.id());
            if (old != null && !old.isValid() && old.value() == f.value()) {
                f.restore(old.editor().getText());
            }
        }
    }

    private void input(GridPane grid) {
        InputSpec in = editor.spec().input();
        heading(grid, "Input", "The image size the network takes.");
        intRow(grid, "Height", "input-height", "Input height", in.height(), 1, 1024,
                v -> editInput(new InputSpec(v, input().width(), input().channels()), "height"));
        intRow(grid, "Width", "input-width", "Input width", in.width(), 1, 1024,
                v -> editInput(new InputSpec(input().height(), v, input().channels()), "width"));
        intRow(grid, "Channels", "input-channels", "Input channels", in.channels(), 1, 3,
                v -> editInput(new InputSpec(input().height(), input().width(), v), "channels"));
    }

    private void output(GridPane grid) {
        heading(grid, "Output", "Softmax over the classes, cross-entropy loss.");
        intRow(grid, "Classes", "output-classes", "Output classes", editor.spec().output().classes(), 1, 10_000,
                v -> edit("Change classes of output", "output.classes",
                        s -> s.withOutput(new OutputSpec(v)), editor.outputBlock()));
    }

    private void layer(GridPane grid, int index, LayerSpec layer) {
        heading(grid, layer.name(), layer.type());
        textRow(grid, "Name", "layer-name", layer.name(), v -> v.isBlank() ? null : cur(index, LayerSpec.class).withName(v.strip()), index);
        if (layer instanceof ConvolutionSpec c) {
            intRow(grid, "Filters", "conv-filters", "Filters of " + layer.name(), c.filters(), 1, 4096,
                    v -> replace(index, cur(index, ConvolutionSpec.class).withFilters(v), "filters"));
            intRow(grid, "Kernel", "conv-kernel", "Kernel of " + layer.name(), c.kernel().height(), 1, 31,
                    v -> replace(index, cur(index, ConvolutionSpec.class).withKernel(Size2.square(v)), "kernel"));
            intRow(grid, "Stride", "conv-stride", "Stride of " + layer.name(), c.stride().height(), 1, 16,
                    v -> replace(index, cur(index, ConvolutionSpec.class).withStride(Size2.square(v)), "stride"));
            choiceRow(grid, "Padding", "conv-padding", Padding.values(), c.padding(),
                    v -> replace(index, cur(index, ConvolutionSpec.class).withPadding(v), "padding"));
            choiceRow(grid, "Activation", "conv-activation", Activation.values(), c.activation(),
                    v -> replace(index, cur(index, ConvolutionSpec.class).withActivation(v), "activation"));
        } else if (layer instanceof PoolingSpec p) {
            choiceRow(grid, "Pooling", "pool-type", PoolingType.values(), p.pooling(),
                    v -> replace(index, cur(index, PoolingSpec.class).withPooling(v), "pooling"));
            intRow(grid, "Kernel", "pool-kernel", "Kernel of " + layer.name(), p.kernel().height(), 1, 31,
                    v -> replace(index, cur(index, PoolingSpec.class).withKernel(Size2.square(v)), "kernel"));
            intRow(grid, "Stride", "pool-stride", "Stride of " + layer.name(), p.stride().height(), 1, 16,
                    v -> replace(index, cur(index, PoolingSpec.class).withStride(Size2.square(v)), "stride"));
            choiceRow(grid, "Padding", "pool-padding", Padding.values(), p.padding(),
                    v -> replace(index, cur(index, PoolingSpec.class).withPadding(v), "padding"));
        } else if (layer instanceof DenseSpec d) {
            intRow(grid, "Units", "dense-units", "Units of " + layer.name(), d.units(), 1, 65_536,
                    v -> replace(index, cur(index, DenseSpec.class).withUnits(v), "units"));
            choiceRow(grid, "Activation", "dense-activation", Activation.values(), d.activation(),
                    v -> replace(index, cur(index, DenseSpec.class).withActivation(v), "activation"));
        } else if (layer instanceof DropoutSpec d) {
            var rate = NumberField.spinner("dropout-rate", NumberRule.decimal("Rate dropped of " + layer.name(), 0, 1)
                    .belowMax(), d.rate(), 0.05, editor.fieldProblems())
                    .onValue(v -> replace(index, cur(index, DropoutSpec.class).withRate(v), "rate"));
            fields.add(rate);
            row(grid, "Rate dropped", rate);
        } else if (layer instanceof BatchNormSpec) {
            var note = new Label("Normalizes each channel over the minibatch, then scales and shifts it.");
            note.setWrapText(true);
            note.getStyleClass().add("hint");
            grid.add(note, 0, grid.getRowCount(), 2, 1);
        }
    }

    // ---- rows ------------------------------------------------------------------------------------

    static void heading(GridPane grid, String title, String subtitle) {
        var t = new Label(title);
        t.getStyleClass().add("inspector-title");
        var s = new Label(subtitle);
        s.getStyleClass().add("hint");
        s.setWrapText(true);
        grid.add(new VBox(2, t, s), 0, grid.getRowCount(), 2, 1);
    }

    static void row(GridPane grid, String label, Node control) {
        int r = grid.getRowCount();
        var l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setLabelFor(control);
        grid.add(l, 0, r);
        grid.add(control, 1, r);
    }

    private void intRow(GridPane grid, String label, String id, String name, int value, int min, int max,
                        IntConsumer set) {
        var field = NumberField.spinner(id, NumberRule.whole(name, min, max), value, 1, editor.fieldProblems())
                .onValue(v -> set.accept((int) v));
        fields.add(field);
        row(grid, label, field);
    }

    private static void row(GridPane grid, String label, NumberField field) {
        int r = grid.getRowCount();
        var l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE); // a field's message wraps; the label keeps its words
        l.setLabelFor(field.control());
        grid.add(l, 0, r);
        grid.add(field.node(), 1, r);
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

    // ---- edits ---------------------------------------------------------------------------------

    /** The layer as it is now: the controls outlive the edits they make. */
    private <T extends LayerSpec> T cur(int index, Class<T> type) {
        return type.cast(editor.spec().layers().get(index));
    }

    private InputSpec input() {
        return editor.spec().input();
    }

    private void replace(int index, LayerSpec layer, String field) {
        whileUpdating(() -> editor.replaceLayer(index, layer, field));
    }

    /** Makes an edit without rebuilding the controls that make it. */
    private void whileUpdating(Runnable change) {
        updating = true;
        try {
            change.run();
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
