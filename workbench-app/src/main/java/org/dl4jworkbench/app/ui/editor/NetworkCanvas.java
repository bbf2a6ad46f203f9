package org.dl4jworkbench.app.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.editor.BackboneEdits;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.app.editor.LayerDefaults;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * The network as a chain of blocks from the input to the output, joined by arrows (the
 * blocks, with their settings, shapes and problems, are made by {@link BlockNodes}); a
 * pretrained backbone is one locked block after the input. Drop a palette item between blocks
 * to insert it (a marker shows where it lands; never before the backbone); drag a block to
 * move it. Keys: Up/Down select, Delete removes, Ctrl+D duplicates, Ctrl+C/Ctrl+V copy and
 * paste, Alt+Up/Down move; zoom with {@link CanvasZoom}.
 */
public final class NetworkCanvas {

    /** What a block carries while dragged: its layer index. */
    static final DataFormat BLOCK = new DataFormat("application/x-dl4j-workbench-block");
    public static final String ID = "network-canvas";
    static final double BLOCK_WIDTH = BlockNodes.BLOCK_WIDTH;

    private final EditorModel editor;
    private final VBox chain = new VBox();
    private final ScrollPane scroll = new ScrollPane();
    private final StackPane area = new StackPane();
    private final CanvasZoom zoom;
    private final Region marker = new Region();
    private final BlockNodes nodes;
    private final List<Node> blocks = new ArrayList<>();
    private int markerAt = -1;
    /** Blocks before the first layer's: the input, and a pretrained backbone where there is one. */
    private int head = 1;

    public NetworkCanvas(EditorModel editor) {
        this.editor = editor;
        this.nodes = new BlockNodes(editor, chain::requestFocus);
        chain.setId(ID);
        chain.getStyleClass().add("network-canvas");
        chain.setAlignment(Pos.TOP_CENTER);
        chain.setPadding(new Insets(16));
        chain.setFocusTraversable(true);
        marker.getStyleClass().add("insertion-marker");
        marker.setMinHeight(4);
        marker.setMaxWidth(BLOCK_WIDTH);
        marker.setId("insertion-marker");
        // the chain scales inside a Group, so the scroll pane scrolls the scaled size
        var scaled = new StackPane(new Group(chain));
        scaled.setAlignment(Pos.TOP_CENTER);
        scaled.getStyleClass().add("network-canvas");
        scroll.setContent(scaled);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("canvas-scroll");
        zoom = new CanvasZoom(scroll, chain);
        area.getChildren().setAll(scroll, zoom.controls());
        StackPane.setAlignment(zoom.controls(), Pos.TOP_RIGHT);
        StackPane.setMargin(zoom.controls(), new Insets(6, 18, 0, 0));
        editor.analysisProperty().addListener((obs, old, now) -> rebuild());
        editor.selectedProperty().addListener((obs, old, now) -> updateSelection());
        scaled.setOnDragOver(this::dragOver);
        scaled.setOnDragExited(e -> hideMarker());
        scaled.setOnDragDropped(this::drop);
        chain.setOnKeyPressed(this::key);
        area.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (zoom.key(e)) {
                e.consume();
            }
        });
        scaled.setOnMouseClicked(e -> chain.requestFocus());
        rebuild();
    }

    public Node node() {
        return area;
    }

    /** Scales the network so every block is in view (the Fit button). */
    public void fit() {
        zoom.fit();
    }

    /** The zoom, 1 for 100%. */
    public double zoom() {
        return zoom.zoomProperty().get();
    }

    /** Where the network is shown: blocks outside its bounds are scrolled out of view. */
    public Node viewport() {
        return scroll;
    }

    /** The block node of {@code index}: the input, {@link EditorModel#BACKBONE}, a layer or the output. */
    public Node block(int index) {
        if (index == EditorModel.BACKBONE) {
            return head == 2 ? blocks.get(1) : null;
        }
        int i = index == EditorModel.INPUT ? 0 : index + head;
        return i >= 0 && i < blocks.size() ? blocks.get(i) : null;
    }

    private void rebuild() {
        NetworkSpec spec = editor.spec();
        NetworkAnalysis analysis = editor.analysis();
        hideMarker();
        blocks.clear();
        chain.getChildren().clear();
        Backbone backbone = BackboneEdits.of(spec);
        blocks.add(nodes.block(EditorModel.INPUT, "input", "", "images of " + spec.input() + (spec.hasBackbone()
                ? " (resized), " + spec.data().normalization().id() : ""), LayerStyles.INPUT, analysis));
        head = 1;
        if (spec.hasBackbone()) {
            String title = backbone == null ? spec.backbone().model() : backbone.title();
            blocks.add(nodes.block(EditorModel.BACKBONE, title, "locked", spec.backbone().isFrozen()
                    ? "pretrained, frozen" : "pretrained, trains from " + spec.backbone().trainableFrom(),
                    LayerStyles.BACKBONE, analysis));
            head = 2;
        }
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            blocks.add(nodes.block(i, layer.name(), layer.type(), layer.settings(), LayerStyles.of(layer), analysis));
        }
        blocks.add(nodes.block(spec.layers().size(), "output", "", spec.output().classes() + " classes, softmax",
                LayerStyles.OUTPUT, analysis));
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                chain.getChildren().add(BlockNodes.arrow());
            }
            chain.getChildren().add(blocks.get(i));
        }
        updateSelection();
    }

    private void updateSelection() {
        for (Node block : blocks) {
            boolean selected = block.getUserData() instanceof Integer i && i == editor.selected();
            block.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
        }
    }

    // ---- drag and drop ---------------------------------------------------------------------

    private void dragOver(DragEvent e) {
        var board = e.getDragboard();
        if (board.hasContent(PaletteView.LAYER_KIND) || board.hasContent(BLOCK)) {
            e.acceptTransferModes(board.hasContent(BLOCK) ? TransferMode.MOVE : TransferMode.COPY);
            showMarker(insertionIndex(chainY(e)));
        }
        e.consume();
    }

    private void drop(DragEvent e) {
        var board = e.getDragboard();
        int at = insertionIndex(chainY(e));
        hideMarker();
        boolean done = false;
        if (board.hasContent(PaletteView.LAYER_KIND)) {
            editor.insertLayer(at, LayerDefaults.valueOf((String) board.getContent(PaletteView.LAYER_KIND)).create());
            done = true;
        } else if (board.hasContent(BLOCK)) {
            editor.moveLayer((Integer) board.getContent(BLOCK), at);
            done = true;
        }
        e.setDropCompleted(done);
        chain.requestFocus();
        e.consume();
    }

    /** The event's height in the chain's own (unscaled) coordinates. */
    private double chainY(DragEvent e) {
        return chain.sceneToLocal(e.getSceneX(), e.getSceneY()).getY();
    }

    /** The layer position (0..n) a drop at {@code y} lands at: before the first layer block whose middle is below. */
    int insertionIndex(double y) {
        int layers = editor.spec().layers().size();
        for (int i = 0; i < layers; i++) {
            Node block = blocks.get(i + head);
            if (y < block.getBoundsInParent().getMinY() + block.getBoundsInParent().getHeight() / 2) {
                return i;
            }
        }
        return layers;
    }

    private void showMarker(int at) {
        if (at == markerAt) {
            return;
        }
        hideMarker();
        // before layer block `at` (child index 2 * (at + head)), i.e. after the arrow above it
        int child = Math.min(chain.getChildren().size(), 2 * (at + head));
        chain.getChildren().add(child, marker);
        markerAt = at;
    }

    private void hideMarker() {
        chain.getChildren().remove(marker);
        markerAt = -1;
    }

    // ---- keyboard ----------------------------------------------------------------------------

    private void key(KeyEvent e) {
        int selected = editor.selected();
        boolean shortcut = e.isShortcutDown();
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            editor.removeLayer(selected);
        } else if (e.getCode() == KeyCode.UP && e.isAltDown()) {
            editor.moveLayer(selected, selected - 1);
        } else if (e.getCode() == KeyCode.DOWN && e.isAltDown()) {
            editor.moveLayer(selected, selected + 2);
        } else if (e.getCode() == KeyCode.UP) {
            editor.select(above(selected));
        } else if (e.getCode() == KeyCode.DOWN) {
            editor.select(below(selected));
        } else if (shortcut && e.getCode() == KeyCode.D) {
            editor.duplicateLayer(selected);
        } else if (shortcut && e.getCode() == KeyCode.C) {
            editor.copyLayer(selected);
        } else if (shortcut && e.getCode() == KeyCode.V) {
            editor.paste();
        } else {
            return;
        }
        e.consume();
    }

    /** The block above {@code block} in the chain: input, then the backbone where there is one, then the layers. */
    private int above(int block) {
        if (block == EditorModel.NONE || block == EditorModel.INPUT || block == EditorModel.BACKBONE) {
            return EditorModel.INPUT;
        }
        return block == 0 && head == 2 ? EditorModel.BACKBONE : block - 1;
    }

    private int below(int block) {
        if (block == EditorModel.NONE) {
            return EditorModel.INPUT;
        }
        if (block == EditorModel.INPUT && head == 2) {
            return EditorModel.BACKBONE;
        }
        return block == EditorModel.BACKBONE || block == EditorModel.INPUT ? 0
                : Math.min(editor.outputBlock(), block + 1);
    }
}
