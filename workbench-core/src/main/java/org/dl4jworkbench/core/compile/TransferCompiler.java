package org.dl4jworkbench.core.compile;

import java.util.List;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Compiles a spec that begins with a pretrained backbone into a DL4J
 * {@link ComputationGraph}, through DL4J's own transfer-learning API: the backbone's graph is
 * cut after its {@link Backbone#cutAt()} vertex (everything after it removed), frozen up to
 * the cut or up to the block before {@code trainableFrom} ({@code setFeatureExtractor}, so
 * frozen layers also keep batch normalization in inference mode), and the spec's own layers
 * and softmax output follow, trained with the spec's optimizer, schedule and L2.
 */
public final class TransferCompiler {

    private TransferCompiler() {
    }

    /**
     * DL4J's Keras import gives every layer a dropout that keeps everything ({@code p = 1}): a
     * no-op forward, but its backward pass multiplies an NCHW gradient by an NHWC mask and fails
     * as soon as a backbone block trains. Such dropouts are removed; real ones stay.
     */
    static void dropNoOpDropout(ComputationGraph graph) {
        for (var vertex : graph.getConfiguration().getVertices().values()) {
            if (vertex instanceof LayerVertex lv && lv.getLayerConf().getLayer().getIDropout() instanceof Dropout d
                    && d.getP() == 1.0 && d.getPSchedule() == null) {
                lv.getLayerConf().getLayer().setIDropout(null);
            }
        }
    }

    /**
     * @param backbone the pretrained graph as imported (it is not changed)
     * @throws InvalidNetworkException where the analysis finds errors
     */
    public static ComputationGraph compile(NetworkSpec spec, ComputationGraph backbone, int iterationsPerEpoch) {
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        if (!analysis.isValid()) {
            throw new InvalidNetworkException(analysis.errors());
        }
        if (!spec.hasBackbone()) {
            throw new IllegalArgumentException("spec '" + spec.name() + "' has no backbone; use SpecCompiler");
        }
        Backbone known = Backbones.find(spec.backbone().model()).orElseThrow();
        TrainingSpec training = spec.training();
        var fineTune = new FineTuneConfiguration.Builder()
                .seed(training.seed())
                .updater(SpecCompiler.updater(training, iterationsPerEpoch));
        if (training.l2() > 0) {
            fineTune.l2(training.l2());
        }
        dropNoOpDropout(backbone);
        var builder = new TransferLearning.GraphBuilder(backbone)
                .fineTuneConfiguration(fineTune.build())
                .setFeatureExtractor(known.frozenUpTo(spec.backbone()));
        List<String> order = backbone.getConfiguration().getTopologicalOrderStr();
        int cut = order.indexOf(known.cutAt());
        if (cut < 0) {
            throw new IllegalArgumentException("the pretrained network has no vertex '" + known.cutAt() + "' to cut at");
        }
        for (int i = order.size() - 1; i > cut; i--) {
            builder.removeVertexAndConnections(order.get(i));
        }
        // The analysis rows after the input and the backbone are the spec's layers, then the output.
        List<LayerInfo> rows = analysis.layers().subList(2, analysis.layers().size());
        String previous = known.cutAt();
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = SpecCompiler.layer(layers.get(i));
            long in = rows.get(i).inputShape().size();
            if (layer instanceof FeedForwardLayer f && !(layer instanceof BatchNormalization)) {
                f.setNIn(in);
            } else if (layer instanceof BatchNormalization bn) {
                bn.setNIn(in);
                bn.setNOut(in);
            }
            builder.addLayer(layers.get(i).name(), layer, previous);
            previous = layers.get(i).name();
        }
        OutputSpec out = spec.output();
        OutputLayer output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(rows.get(layers.size()).inputShape().size())
                .nOut(out.classes())
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build();
        builder.addLayer(OutputSpec.NAME, output, previous);
        ComputationGraph graph = builder.setOutputs(OutputSpec.NAME).build();
        return graph;
    }

}
