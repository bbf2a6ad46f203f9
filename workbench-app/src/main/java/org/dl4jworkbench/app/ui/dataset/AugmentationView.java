package org.dl4jworkbench.app.ui.dataset;

import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.editor.FieldProblems;
import org.dl4jworkbench.app.ui.fields.NumberField;
import org.dl4jworkbench.app.ui.fields.NumberRule;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.DataSpec;
import org.dl4jworkbench.core.spec.Normalization;

/**
 * How training data is prepared (validation share, normalization) and augmented (flip,
 * rotation, shift, zoom), each control an undoable edit of the network spec, with a live
 * {@link AugmentationPreview}, redrawn shortly after the settings stop changing.
 */
final class AugmentationView {

    static final String ID = "augmentation";

    private final EditorModel editor;
    private final AugmentationPreview preview;
    private final VBox root = new VBox(8);
    private final CheckBox flip = new CheckBox("Flip left-right at random");
    private final NumberField rotation;
    private final NumberField translation;
    private final NumberField zoom;
    private final NumberField validation;
    private final ChoiceBox<Normalization> normalization = new ChoiceBox<>();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(150));
    private boolean updating;
    private int loadsShown = -1;

    AugmentationView(EditorModel editor, Executor background) {
        this.editor = editor;
        this.preview = new AugmentationPreview(() -> editor.spec().data().augmentation(), background);
        FieldProblems problems = editor.fieldProblems();
        DataSpec data = editor.spec().data();
        rotation = NumberField.spinner("augment-rotation", NumberRule.decimal("Rotation", 0, 180).unit("°"),
                data.augmentation().rotation(), 5, problems);
        translation = NumberField.spinner("augment-translation", NumberRule.decimal("Shift", 0, 0.5).percent(),
                data.augmentation().translation(), 0.05, problems);
        zoom = NumberField.spinner("augment-zoom", NumberRule.decimal("Zoom", 0, 0.9).percent(),
                data.augmentation().zoom(), 0.05, problems);
        validation = NumberField.spinner("validation-share", NumberRule.decimal("Validation share", 0, 0.5)
                .percent(), data.validationSplit(), 0.05, problems);
        root.setId(ID);
        root.getStyleClass().add("augmentation");
        flip.setId("augment-flip");
        normalization.setId("normalization");
        normalization.setPrefWidth(180);
        normalization.getItems().setAll(Normalization.values());
        normalization.setConverter(new StringConverter<>() {
            @Override
            public String toString(Normalization n) {
                return n == null ? "" : switch (n) {
                    case SCALE -> "scale to 0..1";
                    case STANDARDIZE -> "standardize per channel";
                    case SYMMETRIC -> "scale to -1..1";
                    case NONE -> "none (0..255)";
                };
            }

            @Override
            public Normalization fromString(String s) {
                return null;
            }
        });
        showSettings(editor.spec().data());
        listen();
        debounce.setOnFinished(e -> preview.refresh());
        editor.loadedProperty().addListener((obs, old, now) -> showSettings(editor.spec().data()));
        editor.specProperty().addListener((obs, old, now) -> {
            if (old != null && old.data().equals(now.data()) && loadsShown == editor.loads()) {
                return;
            }
            if (!updating) {
                showSettings(now.data());
            }
            if (old == null || !old.data().augmentation().equals(now.data().augmentation())) {
                debounce.playFromStart();
            }
        });

        var prepTitle = new Label("Data preparation");
        prepTitle.getStyleClass().add("section-title");
        var prep = grid();
        row(prep, "Validation share", validation, "Training images held back to validate on after every epoch "
                + "(stratified, from the training seed).");
        row(prep, "Normalization", normalization, "Scale: pixels divided by 255. Standardize: then minus the "
                + "training images' mean, divided by their deviation, per channel.");
        var augTitle = new Label("Augmentation");
        augTitle.getStyleClass().add("section-title");
        var aug = grid();
        aug.add(flip, 0, 0, 2, 1);
        row(aug, "Rotation up to", rotation, "Largest rotation either way, in degrees.");
        row(aug, "Shift up to", translation, "Largest shift, as a share of the width and height.");
        row(aug, "Zoom up to", zoom, "Largest zoom in or out (10%: 90% to 110%).");
        var shuffle = new Button("Shuffle");
        shuffle.setId("augment-shuffle");
        shuffle.setTooltip(new Tooltip("Preview other training images"));
        shuffle.getStyleClass().add("small");
        shuffle.setOnAction(e -> preview.shuffle());
        var previewTitle = new Label("Preview");
        previewTitle.getStyleClass().add("section-title");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var previewHeader = new HBox(8, previewTitle, spacer, shuffle);
        previewHeader.setAlignment(Pos.CENTER_LEFT);
        previewHeader.setMaxWidth(AugmentationPreview.width());
        root.getChildren().setAll(prepTitle, prep, augTitle, aug, previewHeader, preview.note(), preview.grid());
        root.setPrefWidth(AugmentationPreview.width());
        root.setMaxWidth(AugmentationPreview.width());
    }

    Node node() {
        return root;
    }

    /** The dataset the preview draws from (null: none). */
    void setDataset(Dataset dataset) {
        preview.setDataset(dataset);
    }

    private void listen() {
        flip.selectedProperty().addListener((obs, old, on) -> {
            if (!updating) {
                edit(on ? "Turn flips on" : "Turn flips off", null, d -> d.withAugmentation(augmentation(d, on,
                        null, null, null)));
            }
        });
        onChange(rotation, v -> edit("Change rotation", "data.rotation",
                d -> d.withAugmentation(augmentation(d, null, v, null, null))));
        onChange(translation, v -> edit("Change shift", "data.translation",
                d -> d.withAugmentation(augmentation(d, null, null, v, null))));
        onChange(zoom, v -> edit("Change zoom", "data.zoom",
                d -> d.withAugmentation(augmentation(d, null, null, null, v))));
        onChange(validation, v -> edit("Change validation share", "data.validation", d -> d.withValidationSplit(v)));
        normalization.valueProperty().addListener((obs, old, n) -> {
            if (!updating && n != null && n != old) {
                edit("Change normalization", null, d -> d.withNormalization(n));
            }
        });
    }

    private static AugmentationSpec augmentation(DataSpec d, Boolean flip, Double rotation, Double translation,
                                                 Double zoom) {
        AugmentationSpec a = d.augmentation();
        return new AugmentationSpec(flip != null ? flip : a.flip(), rotation != null ? rotation : a.rotation(),
                translation != null ? translation : a.translation(), zoom != null ? zoom : a.zoom());
    }

    private void edit(String description, String mergeKey, UnaryOperator<DataSpec> change) {
        updating = true;
        try {
            editor.apply(description, mergeKey, s -> s.withData(change.apply(s.data())), editor.selected());
        } finally {
            updating = false;
        }
    }

    private void onChange(NumberField field, DoubleConsumer set) {
        field.onValue(v -> {
            if (!updating) {
                set.accept(v);
            }
        });
    }

    /** The controls show {@code d} (after undo, redo or opening a project) without editing anything. */
    private void showSettings(DataSpec d) {
        updating = true;
        try {
            AugmentationSpec a = d.augmentation();
            boolean load = loadsShown != editor.loads(); // another project: what was typed goes
            loadsShown = editor.loads();
            flip.setSelected(a.flip());
            show(rotation, a.rotation(), load);
            show(translation, a.translation(), load);
            show(zoom, a.zoom(), load);
            show(validation, d.validationSplit(), load);
            normalization.setValue(d.normalization());
        } finally {
            updating = false;
        }
    }

    private static void show(NumberField field, double value, boolean load) {
        if (load) {
            field.reset(value);
        } else {
            field.show(value);
        }
    }

    private static GridPane grid() {
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        return grid;
    }

    private static void row(GridPane grid, String label, Node control, String help) {
        row(grid, label, control, control, help);
    }

    private static void row(GridPane grid, String label, NumberField field, String help) {
        row(grid, label, field.control(), field.node(), help);
    }

    private static void row(GridPane grid, String label, Node control, Node cell, String help) {
        int r = grid.getRowCount();
        var l = new Label(label);
        l.setLabelFor(control);
        l.setTooltip(new Tooltip(help));
        grid.add(l, 0, r);
        grid.add(cell, 1, r);
    }
}
