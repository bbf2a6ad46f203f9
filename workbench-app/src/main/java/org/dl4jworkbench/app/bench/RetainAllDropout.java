package org.dl4jworkbench.app.bench;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.pretrained.BackboneLoader;

/**
 * DL4J's Keras import gives every layer a {@code Dropout(p=1.0)}: it keeps every value, but in
 * training mode it still builds a mask in the layer's input layout (NHWC for the imported
 * convolutions) and multiplies the gradient (NCHW) by it, which fails as soon as a backbone
 * layer trains ("MULTIPLY OP: the shapes of x [32, 768, 7, 7] and y [32, 7, 7, 768]"). The
 * benchmark removes it to measure fine-tuning until the compiler does.
 */
final class RetainAllDropout {

    private RetainAllDropout() {
    }

    static BackboneLoader removedFrom(BackboneLoader loader) {
        return backbone -> {
            ComputationGraph graph = loader.load(backbone);
            graph.getConfiguration().getVertices().values().forEach(v -> {
                if (v instanceof LayerVertex layer && retainsAll(layer.getLayerConf().getLayer().getIDropout())) {
                    layer.getLayerConf().getLayer().setIDropout(null);
                }
            });
            for (var layer : graph.getLayers()) {
                if (retainsAll(layer.conf().getLayer().getIDropout())) {
                    layer.conf().getLayer().setIDropout(null);
                }
            }
            return graph;
        };
    }

    private static boolean retainsAll(IDropout dropout) {
        return dropout instanceof Dropout d && d.getPSchedule() == null && d.getP() == 1.0;
    }
}
