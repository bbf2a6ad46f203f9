package org.dl4jworkbench.app.ui.editor;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.editor.BackboneEdits;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.editor.LayerDefaults;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.Backbones;

/**
 * The layer palette: one item per layer kind with its icon and a one-line description. Drag
 * an item onto the network to insert it there; double-click or Enter inserts it after the
 * selected block. Below them, "Begin with MobileNet" puts a pretrained network first.
 */
public final class PaletteView {

    /** What a palette item carries while dragged: the {@link LayerDefaults} name. */
    public static final DataFormat LAYER_KIND = new DataFormat("application/x-dl4j-workbench-layer-kind");
    public static final String ID = "palette";
    public static final String BEGIN_ID = "begin-with-backbone";

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
        root.getChildren().addAll(pretrained(editor));
    }

    /** "Begin with MobileNet": a pretrained network in place of the convolutions (disabled once there is one). */
    private static List<Node> pretrained(EditorModel editor) {
        var title = new Label("Pretrained");
        title.getStyleClass().add("section-title");
        Backbone mobileNet = Backbones.find(Backbones.MOBILENET_V1).orElseThrow();
        var begin = new Button("Begin with MobileNet");
        begin.setId(BEGIN_ID);
        begin.setMaxWidth(Double.MAX_VALUE);
        begin.setOnAction(e -> BackboneEdits.beginWith(editor, mobileNet));
        begin.disableProperty().bind(Bindings.createBooleanBinding(() -> editor.spec().hasBackbone(),
                editor.specProperty()));
        var tip = new Tooltip(mobileNet.title() + ", trained on ImageNet, replaces the convolution and pooling "
                + "layers; your dense layers and the output follow it. Photos are resized to " + mobileNet.input()
                + ". Training needs it installed (Dataset tab, Pretrained networks). Undo reverts it.");
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        begin.setTooltip(tip);
        return List.of(title, begin);
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
        int at = editor.isLayer(selected) ? selected + 1
                : selected == EditorModel.INPUT || selected == EditorModel.BACKBONE ? 0 : editor.spec().layers().size();
        editor.insertLayer(at, kind.create());
    }
}
