package org.dl4jworkbench.app.ui.editor;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.editor.LayerDefaults;

/**
 * The layer palette: one item per layer kind with its icon and a one-line description. Drag
 * an item onto the network to insert it there; double-click or Enter inserts it after the
 * selected block.
 */
public final class PaletteView {

    /** What a palette item carries while dragged: the {@link LayerDefaults} name. */
    public static final DataFormat LAYER_KIND = new DataFormat("application/x-dl4j-workbench-layer-kind");
    public static final String ID = "palette";

    private final VBox root = new VBox(4);

    public PaletteView(EditorModel editor) {
        root.setId(ID);
        root.getStyleClass().add("palette");
        root.setPadding(new Insets(8));
        var title = new Label("Layers");
        title.getStyleClass().add("section-title");
        root.getChildren().add(title);
        for (LayerDefaults kind : LayerDefaults.palette()) {
            root.getChildren().add(item(kind, editor));
        }
        var hint = new Label("Drag a layer into the network, or double-click it to add it after the selected block.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        root.getChildren().add(hint);
    }

    public Node node() {
        return root;
    }

    private static Node item(LayerDefaults kind, EditorModel editor) {
        var name = new Label(kind.title());
        name.getStyleClass().add("palette-title");
        var description = new Label(kind.description());
        description.setWrapText(true);
        description.getStyleClass().add("palette-description");
        var text = new VBox(1, name, description);
        var item = new HBox(8, LayerStyles.icon(LayerStyles.of(kind)), text);
        item.setId("palette-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        item.getStyleClass().addAll("palette-item", LayerStyles.of(kind));
        item.setFocusTraversable(true);
        item.setPadding(new Insets(6));
        Tooltip.install(item, new Tooltip(kind.description()));
        item.setOnDragDetected(e -> {
            var dragboard = item.startDragAndDrop(TransferMode.COPY);
            var content = new ClipboardContent();
            content.put(LAYER_KIND, kind.name());
            dragboard.setContent(content);
            dragboard.setDragView(item.snapshot(null, null));
            e.consume();
        });
        item.setOnMouseClicked(e -> {
            item.requestFocus();
            if (e.getClickCount() == 2) {
                add(kind, editor);
            }
        });
        item.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                add(kind, editor);
                e.consume();
            }
        });
        return item;
    }

    /** Inserts after the selected block, or before the output where nothing is selected. */
    static void add(LayerDefaults kind, EditorModel editor) {
        int selected = editor.selected();
        int at = editor.isLayer(selected) ? selected + 1 : selected == EditorModel.INPUT ? 0
                : editor.spec().layers().size();
        editor.insertLayer(at, kind.create());
    }
}
