package org.dl4jworkbench.app.ui.editor;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.dl4jworkbench.app.editor.BackboneEdits;
import org.dl4jworkbench.app.editor.EditorModel;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.Problem;

/**
 * The nodes the {@link NetworkCanvas} chains: a block per layer (and for the input and the
 * output) with its type, key settings, output shape and parameter count, red or amber with
 * its problems as a tooltip; a click selects it and a layer's block can be dragged (a pretrained
 * backbone's is locked: it stays first); and the arrows between blocks.
 */
final class BlockNodes {

    static final double BLOCK_WIDTH = 340;
    /** The analyzer's type for a pretrained backbone's row. */
    static final String BACKBONE_TYPE = "backbone";

    private final EditorModel editor;
    private final Runnable focusChain;

    /** @param focusChain gives the chain the keyboard focus (after a click on a block) */
    BlockNodes(EditorModel editor, Runnable focusChain) {
        this.editor = editor;
        this.focusChain = focusChain;
    }

    /** The block of {@code index} ({@link EditorModel#INPUT}, a layer, or the output) with its problems from {@code a}. */
    Node block(int index, String name, String type, String settings, String style, NetworkAnalysis a) {
        var title = new Label(name);
        title.getStyleClass().add("block-name");
        var kind = new Label(type);
        kind.getStyleClass().add("block-type");
        var head = new HBox(8, LayerStyles.icon(style), title, kind);
        head.setAlignment(Pos.CENTER_LEFT);
        var settingsLabel = new Label(settings);
        settingsLabel.getStyleClass().add("block-settings");
        LayerInfo info = info(a, index);
        var shape = new Label(info == null ? "output: ?" : "output " + info.outputShape());
        shape.getStyleClass().add("block-shape");
        shape.setId("shape-" + blockKey(index));
        var params = new Label(info == null ? "" : parameters(index, info, a));
        params.getStyleClass().add("block-params");
        params.setId("params-" + blockKey(index));
        var spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        var foot = new HBox(8, shape, spacer, params);
        var block = new VBox(3, head, settingsLabel, foot);
        block.setId("block-" + blockKey(index));
        block.getStyleClass().addAll("block", style);
        block.setMaxWidth(BLOCK_WIDTH);
        block.setMinWidth(BLOCK_WIDTH);
        block.setPadding(new Insets(8, 10, 8, 10));
        block.setUserData(index);
        if (index == EditorModel.BACKBONE) {
            block.getStyleClass().add("block-locked");
            settingsLabel.setId("settings-backbone");
            Tooltip.install(head, new Tooltip("Pretrained: it stays first, as one block. Choose in its settings "
                    + "whether it stays frozen or trains from one of its blocks onward."));
        }
        List<Problem> problems = problemsOf(a, index);
        if (problems.stream().anyMatch(Problem::isError)) {
            block.getStyleClass().add("block-error");
        } else if (!problems.isEmpty()) {
            block.getStyleClass().add("block-warning");
        }
        if (!problems.isEmpty()) {
            var tip = new Tooltip(problems.stream().map(p -> p.message() + (p.fix() == null ? "" : "\n" + p.fix()))
                    .collect(Collectors.joining("\n\n")));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(javafx.util.Duration.millis(200));
            Tooltip.install(block, tip);
        }
        block.setOnMouseClicked(e -> {
            editor.select(index);
            focusChain.run();
            e.consume();
        });
        if (editor.isLayer(index)) {
            block.setOnDragDetected(e -> {
                var dragboard = block.startDragAndDrop(TransferMode.MOVE);
                var content = new ClipboardContent();
                content.put(NetworkCanvas.BLOCK, index);
                dragboard.setContent(content);
                dragboard.setDragView(block.snapshot(null, null));
                e.consume();
            });
        }
        return block;
    }

    /** The arrow between two blocks. */
    static Node arrow() {
        var line = new Line(0, 0, 0, 14);
        line.getStyleClass().add("connector");
        var head = new Polygon(-5, 0, 5, 0, 0, 7);
        head.getStyleClass().add("connector-head");
        var box = new VBox(line, head);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMouseTransparent(true);
        return new StackPane(box);
    }

    /** The analyzer's row of a block: the input's and a backbone's both have index -1; their types differ. */
    private static LayerInfo info(NetworkAnalysis a, int index) {
        boolean backbone = index == EditorModel.BACKBONE;
        return a.layers().stream().filter(l -> BACKBONE_TYPE.equals(l.type()) == backbone
                && (backbone || l.index() == index)).findFirst().orElse(null);
    }

    /** "431,080 parameters"; a backbone's also says how many of them training leaves as they are. */
    private static String parameters(int index, LayerInfo info, NetworkAnalysis a) {
        String all = String.format(Locale.ROOT, "%,d parameters", info.parameters());
        if (index != EditorModel.BACKBONE) {
            return all;
        }
        return all + (a.frozenParameters() >= info.parameters() ? ", all frozen"
                : String.format(Locale.ROOT, ", %,d frozen", a.frozenParameters()));
    }

    private List<Problem> problemsOf(NetworkAnalysis a, int index) {
        int outputBlock = editor.outputBlock();
        var spec = editor.spec();
        return a.problems().stream().filter(p -> index == EditorModel.BACKBONE ? BackboneEdits.isAbout(spec, p)
                : !BackboneEdits.isAbout(spec, p) && (p.layerIndex() == index
                || (index == outputBlock && p.layerIndex() == Problem.OUTPUT))).toList();
    }

    /** "input", "backbone", "output" or the layer index: how tests and styles find a block ({@code #block-2}). */
    String blockKey(int index) {
        return index == EditorModel.INPUT ? "input" : index == EditorModel.BACKBONE ? "backbone"
                : index == editor.outputBlock() ? "output" : String.valueOf(index);
    }
}
