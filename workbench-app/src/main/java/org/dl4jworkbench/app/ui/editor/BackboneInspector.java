package org.dl4jworkbench.app.ui.editor;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.dl4jworkbench.app.editor.BackboneEdits;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;

/**
 * The inspector's settings for a network that begins with a pretrained backbone: the
 * backbone's one choice, the block from which it trains (frozen by default), and the input it
 * fixes, shown but not editable.
 */
final class BackboneInspector {

    static final String TRAIN_FROM_ID = "backbone-train-from";

    private BackboneInspector() {
    }

    /** @param trainFrom told of the block chosen ({@link BackboneEdits#FROZEN} for none) */
    static void backbone(GridPane grid, NetworkSpec spec, Consumer<String> trainFrom) {
        Backbone b = BackboneEdits.of(spec);
        if (b == null) {
            InspectorView.heading(grid, spec.backbone().model(), "A pretrained network the workbench does not know.");
            return;
        }
        InspectorView.heading(grid, b.title(), String.format(Locale.ROOT, "Pretrained, locked: it stays first. Cut "
                + "at its global average pooling: %,d features per image, %,d parameters.", b.features(),
                b.parameters()));
        var choice = new ChoiceBox<String>();
        choice.setId(TRAIN_FROM_ID);
        choice.getItems().setAll(BackboneEdits.trainFromChoices(b));
        choice.setValue(spec.backbone().isFrozen() ? BackboneEdits.FROZEN : spec.backbone().trainableFrom());
        choice.valueProperty().addListener((obs, old, v) -> {
            if (v != null && !v.equals(old)) {
                trainFrom.accept(v);
            }
        });
        InspectorView.row(grid, "Train from", choice);
        hint(grid, "Frozen: only your layers learn, on features computed once per image and cached, so an epoch "
                + "takes seconds. From a block: that block and those after it learn too (fine-tuning); every epoch "
                + "then runs the whole network on every image, far slower. Fine-tune with a low learning rate "
                + "(0.0001).");
    }

    /** The input as the backbone fixes it. */
    static void input(GridPane grid, NetworkSpec spec) {
        Backbone b = BackboneEdits.of(spec);
        String title = b == null ? spec.backbone().model() : b.title();
        InspectorView.heading(grid, "Input", "Fixed by " + title + ": images are resized to it, and their pixels "
                + "normalized as it was trained.");
        var size = new Label(spec.input().toString());
        size.setId("input-fixed-size");
        InspectorView.row(grid, "Size", size);
        var normalization = new Label(describe(spec.data().normalization()));
        normalization.setId("input-fixed-normalization");
        InspectorView.row(grid, "Normalization", normalization);
    }

    /** "symmetric (x / 127.5 - 1)". */
    static String describe(Normalization n) {
        return n.id() + switch (n) {
            case SCALE -> " (x / 255)";
            case STANDARDIZE -> " (x / 255, per channel minus mean, over deviation)";
            case SYMMETRIC -> " (x / 127.5 - 1)";
            case NONE -> " (raw 0..255)";
        };
    }

    private static void hint(GridPane grid, String text) {
        var note = new Label(text);
        note.setWrapText(true);
        note.setMaxWidth(260);
        note.getStyleClass().add("hint");
        grid.add(note, 0, grid.getRowCount(), 2, 1);
    }
}
