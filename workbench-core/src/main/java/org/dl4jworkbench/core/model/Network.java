package org.dl4jworkbench.core.model;

import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A DL4J network the workbench trains, saves and predicts with: a {@link MultiLayerNetwork}
 * (the sequential networks the editor draws) or a {@link ComputationGraph} (a pretrained
 * backbone with the user's layers after it, or an imported Keras model). Images always come
 * in as the workbench prepares them, {@code [N, channels, height, width]}; a graph imported
 * from Keras takes them channels-last, and this class transposes them on the way in.
 *
 * <p>DL4J's {@code output} and {@code fit} are synchronized on the network: give one network
 * to one user (a predictor, or a training run), and {@link #copy} it for another.
 */
public final class Network {

    private final MultiLayerNetwork sequential;
    private final ComputationGraph graph;
    private final boolean channelsLast;

    private Network(MultiLayerNetwork sequential, ComputationGraph graph, boolean channelsLast) {
        this.sequential = sequential;
        this.graph = graph;
        this.channelsLast = channelsLast;
    }

    public static Network of(MultiLayerNetwork net) {
        return new Network(Objects.requireNonNull(net, "net"), null, false);
    }

    /** A graph, channels-last where its convolutions say so (as in every graph imported from Keras). */
    public static Network of(ComputationGraph graph) {
        return of(graph, takesChannelsLast(graph.getConfiguration()));
    }

    /** Whether a graph's convolutions take channels-last input (a layer vertex's or a frozen one's). */
    static boolean takesChannelsLast(org.deeplearning4j.nn.conf.ComputationGraphConfiguration conf) {
        return conf.getVertices().values().stream()
                .filter(v -> v instanceof org.deeplearning4j.nn.conf.graph.LayerVertex)
                .map(v -> ((org.deeplearning4j.nn.conf.graph.LayerVertex) v).getLayerConf().getLayer())
                .map(l -> l instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer f ? f.getLayer() : l)
                .filter(l -> l instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer)
                .anyMatch(l -> ((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) l).getCnn2dDataFormat()
                        == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC);
    }

    /**
     * The layer a configuration holds: a frozen layer's inside (a transfer model's backbone) or
     * a wrapper's underlying layer (frozen with backprop), unwrapped all the way.
     */
    public static org.deeplearning4j.nn.conf.layers.Layer inside(org.deeplearning4j.nn.conf.layers.Layer conf) {
        var l = conf;
        while (true) {
            if (l instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer f) {
                l = f.getLayer();
            } else if (l instanceof org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer w) {
                l = w.getUnderlying();
            } else {
                return l;
            }
        }
    }

    /** @param channelsLast whether the graph takes {@code [N, height, width, channels]} (Keras's layout) */
    public static Network of(ComputationGraph graph, boolean channelsLast) {
        return new Network(null, Objects.requireNonNull(graph, "graph"), channelsLast);
    }

    public Optional<MultiLayerNetwork> sequential() {
        return Optional.ofNullable(sequential);
    }

    public Optional<ComputationGraph> graph() {
        return Optional.ofNullable(graph);
    }

    public boolean isGraph() {
        return graph != null;
    }

    public boolean channelsLast() {
        return channelsLast;
    }

    /** The DL4J object itself, for {@code ModelSerializer}. */
    public Model dl4j() {
        return sequential != null ? sequential : graph;
    }

    /**
     * Class probabilities for a batch of prepared images, in inference mode (no dropout), as
     * {@code [N, classes]}: a graph imported from Keras may end in a shape such as MobileNet's
     * {@code [N, 1, 1, 1000]}, flattened here so that every caller sees one row per image.
     */
    public INDArray output(INDArray images) {
        INDArray x = input(images);
        INDArray out = sequential != null ? sequential.output(x, false) : graph.outputSingle(false, x);
        return out.rank() == 2 ? out : out.reshape('c', out.size(0), out.length() / out.size(0));
    }

    /** One optimizer step on a minibatch of prepared images. */
    public void fit(DataSet batch) {
        if (sequential != null) {
            sequential.fit(batch);
        } else {
            graph.fit(new DataSet(input(batch.getFeatures()), batch.getLabels()));
        }
    }

    /** The images in the layout the network takes, and in its data type. */
    public INDArray input(INDArray images) {
        INDArray x = channelsLast && images.rank() == 4 ? images.permute(0, 2, 3, 1).dup('c') : images;
        DataType type = dataType();
        return x.dataType() == type ? x : x.castTo(type);
    }

    /** The loss of the last minibatch fitted. */
    public double score() {
        return sequential != null ? sequential.score() : graph.score();
    }

    public INDArray params() {
        return sequential != null ? sequential.params() : graph.params();
    }

    public void setParams(INDArray params) {
        if (sequential != null) {
            sequential.setParams(params);
        } else {
            graph.setParams(params);
        }
    }

    public long parameterCount() {
        return sequential != null ? sequential.numParams() : graph.numParams();
    }

    public int iterationCount() {
        return sequential != null ? sequential.getIterationCount() : graph.getIterationCount();
    }

    public int epochCount() {
        return sequential != null ? sequential.getEpochCount() : graph.getEpochCount();
    }

    /** {@code fit(DataSet)} does not count epochs; epoch-based schedules need them counted. */
    public void incrementEpochCount() {
        if (sequential != null) {
            sequential.incrementEpochCount();
        } else {
            graph.incrementEpochCount();
        }
    }

    public void setLearningRate(ISchedule schedule) {
        if (sequential != null) {
            sequential.setLearningRate(schedule);
        } else {
            graph.setLearningRate(schedule);
        }
    }

    public DataType dataType() {
        DataType type = sequential != null ? sequential.getLayerWiseConfigurations().getDataType()
                : graph.getConfiguration().getDataType();
        return type == null ? DataType.FLOAT : type;
    }

    /** An independent copy with the same weights and optimizer state. */
    public Network copy() {
        return sequential != null ? new Network(sequential.clone(), null, false)
                : new Network(null, graph.clone(), channelsLast);
    }
}
