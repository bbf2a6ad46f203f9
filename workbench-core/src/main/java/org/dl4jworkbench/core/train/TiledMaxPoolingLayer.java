package org.dl4jworkbench.core.train;

import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's pooling layer whose forward pass asks {@link TiledMaxPooling} first. In DL4J
 * 1.0.0-M2.1 {@link SubsamplingLayer#activate(boolean, LayerWorkspaceMgr)} always runs
 * libnd4j's own {@code maxpool2d} and only the backward pass uses the layer's helper, so a
 * faster forward pass needs the runtime layer itself. It is built from the same
 * configuration object and replaces the network's layer in place; the configuration, and so
 * the saved model, stays DL4J's {@code SubsamplingLayer}.
 */
final class TiledMaxPoolingLayer extends SubsamplingLayer {

    TiledMaxPoolingLayer(SubsamplingLayer layer, DataType dataType, SubsamplingHelper helper) {
        super(layer.conf(), dataType);
        setIndex(layer.getIndex());
        setListeners(layer.getListeners());
        this.helper = helper;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        var conf = layerConf();
        INDArray output = input == null || input.rank() != 4 ? null
                : TiledMaxPooling.forward(input, conf.getKernelSize(), conf.getStride(), conf.getPadding(),
                        conf.getPoolingType(), convolutionMode, conf.getDilation(), conf.getCnn2dDataFormat(),
                        workspaceMgr);
        return output != null ? output : super.activate(training, workspaceMgr);
    }
}
