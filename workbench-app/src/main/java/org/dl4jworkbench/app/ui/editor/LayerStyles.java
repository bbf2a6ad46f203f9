package org.dl4jworkbench.app.ui.editor;

import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import org.dl4jworkbench.app.editor.LayerDefaults;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;

/**
 * Style class names per layer kind (colours live in editor.css) and the small icons of the
 * palette and the blocks, drawn as vector shapes so they stay crisp on high-DPI screens.
 */
public final class LayerStyles {

    public static final String INPUT = "layer-input";
    public static final String CONVOLUTION = "layer-convolution";
    public static final String POOLING = "layer-pooling";
    public static final String DENSE = "layer-dense";
    public static final String DROPOUT = "layer-dropout";
    public static final String BATCH_NORM = "layer-batch-norm";
    public static final String OUTPUT = "layer-output";
    public static final String BACKBONE = "layer-backbone";

    private LayerStyles() {
    }

    public static String of(LayerSpec layer) {
        if (layer instanceof ConvolutionSpec) {
            return CONVOLUTION;
        } else if (layer instanceof DenseSpec) {
            return DENSE;
        } else if (layer instanceof DropoutSpec) {
            return DROPOUT;
        } else if (layer instanceof BatchNormSpec) {
            return BATCH_NORM;
        }
        return POOLING;
    }

    public static String of(LayerDefaults kind) {
        return switch (kind) {
            case CONVOLUTION -> CONVOLUTION;
            case MAX_POOLING, AVERAGE_POOLING -> POOLING;
            case DENSE -> DENSE;
            case DROPOUT -> DROPOUT;
            case BATCH_NORM -> BATCH_NORM;
        };
    }

    /** A 22-pixel icon in the kind's colour. */
    public static Node icon(String styleClass) {
        SVGPath path = new SVGPath();
        path.setContent(switch (styleClass) {
            case CONVOLUTION -> "M2 6 L14 2 L20 8 L8 12 Z M2 11 L14 7 L20 13 L8 17 Z"; // stacked feature maps
            case POOLING -> "M3 3 H19 V19 H3 Z M11 3 V19 M3 11 H19"; // a 2x2 grid
            case DENSE -> "M4 4 L18 11 M4 11 L18 4 M4 18 L18 11 M4 11 L18 18 M4 4 L18 18 M4 18 L18 4";
            case DROPOUT -> "M5 5 m-2 0 a2 2 0 1 0 4 0 a2 2 0 1 0 -4 0 M15 11 m-2 0 a2 2 0 1 0 4 0 a2 2 0 1 0 -4 0 "
                    + "M7 17 m-2 0 a2 2 0 1 0 4 0 a2 2 0 1 0 -4 0";
            case BATCH_NORM -> "M2 17 C7 17 7 4 11 4 C15 4 15 17 20 17";
            case OUTPUT -> "M3 17 H6 V12 H3 Z M9 17 H12 V4 H9 Z M15 17 H18 V9 H15 Z";
            case BACKBONE -> "M3 3 H19 V7 H3 Z M3 9 H19 V13 H3 Z M3 15 H19 V19 H3 Z"; // many layers, one block
            default -> "M3 3 H19 V19 H3 Z"; // input
        });
        path.getStyleClass().addAll("layer-icon", styleClass);
        var box = new javafx.scene.layout.StackPane(new Rectangle(22, 22, javafx.scene.paint.Color.TRANSPARENT), path);
        box.setMinSize(22, 22);
        box.setMaxSize(22, 22);
        return box;
    }
}
