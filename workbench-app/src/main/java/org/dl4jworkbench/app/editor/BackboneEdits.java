package org.dl4jworkbench.app.editor;

import java.util.List;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.BackboneSpec;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.PoolingSpec;

/**
 * Edits of a network's pretrained backbone, each one undo step: begin with one, and choose the
 * block from which it trains (or none: frozen). The backbone is not a layer, so it cannot be
 * moved or deleted and every layer position lies after it; the input and normalization are
 * its own.
 */
public final class BackboneEdits {

    /** What the "Train from" choice shows for a backbone that stays as it is. */
    public static final String FROZEN = "frozen";

    private BackboneEdits() {
    }

    /** The backbone of {@code spec}, where it begins with one the workbench knows. */
    public static Backbone of(NetworkSpec spec) {
        return spec.hasBackbone() ? Backbones.find(spec.backbone().model()).orElse(null) : null;
    }

    /** "frozen", "conv1", "block1", ... "block13": the choices of where the backbone starts to train. */
    public static List<String> trainFromChoices(Backbone backbone) {
        var choices = new java.util.ArrayList<String>();
        choices.add(FROZEN);
        choices.addAll(backbone.blockNames());
        return choices;
    }

    /** Keeps the backbone frozen ({@link #FROZEN} or null) or trains it from {@code block} onward. */
    public static void trainFrom(EditorModel editor, String block) {
        NetworkSpec spec = editor.spec();
        if (!spec.hasBackbone()) {
            return;
        }
        String from = block == null || block.equals(FROZEN) ? null : block;
        Backbone known = of(spec);
        String title = known == null ? spec.backbone().model() : known.title();
        editor.apply(from == null ? "Freeze " + title : "Train " + title + " from " + from, null,
                s -> s.withBackbone(s.backbone().withTrainableFrom(from)), EditorModel.BACKBONE);
    }

    /**
     * Begins the network with {@code backbone}, frozen, as one edit: the input and normalization
     * become the backbone's, and the convolution and pooling layers up to the last of them go
     * (the backbone does that work); the layers after them stay.
     */
    public static void beginWith(EditorModel editor, Backbone backbone) {
        editor.apply("Begin with " + backbone.title(), null, s -> begun(s, backbone), EditorModel.BACKBONE);
    }

    static NetworkSpec begun(NetworkSpec spec, Backbone backbone) {
        List<LayerSpec> layers = spec.layers();
        int lastImageLayer = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ConvolutionSpec || layers.get(i) instanceof PoolingSpec) {
                lastImageLayer = i;
            }
        }
        return spec.withLayers(layers.subList(lastImageLayer + 1, layers.size()))
                .withInput(backbone.input())
                .withData(spec.data().withNormalization(backbone.normalization()))
                .withBackbone(BackboneSpec.frozen(backbone.id()));
    }

    /**
     * Whether {@code p} is about the backbone rather than the input: the analyzer files both
     * under {@link Problem#INPUT}, naming the input "input" and the backbone by its model.
     */
    public static boolean isAbout(NetworkSpec spec, Problem p) {
        return spec.hasBackbone() && p.layerIndex() == Problem.INPUT && !"input".equals(p.layerName());
    }
}
