package org.dl4jworkbench.core.train;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Gives a network's convolution and pooling layers DL4J's own oneDNN helpers
 * ({@link MKLDNNConvHelper}, {@link MKLDNNSubsamplingHelper}) when the ND4J native library
 * was built with oneDNN (the {@code -onednn} binaries). DL4J 1.0.0-M2.1 never does this
 * itself: its check, {@code BaseMKLDNNHelper.mklDnnEnabled()}, loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved to another package in
 * M2.1, so it always answers false and every convolution takes the Java im2col path. There
 * the im2col output is a permuted view that libnd4j first zero-fills element by element
 * ({@code ScalarTransform<CopyPws>}, the largest hot spot of a LeNet run); the helpers run
 * libnd4j's {@code conv2d} and {@code maxpool2d} ops, which the oneDNN build executes with
 * oneDNN's kernels. Only the layers' runtime helpers change: configuration, parameters and
 * the saved model are plain DL4J. See docs/decisions/0004.
 */
public final class OneDnnHelpers {

    /**
     * System property: {@code false} keeps DL4J's own layer code, {@code conv} installs only
     * the convolution helper; anything else (or unset) installs both. For benchmarks and for
     * ruling the helpers out when something looks wrong.
     */
    public static final String PROPERTY = "workbench.onednn";

    private static final Field CONV_HELPER = field(ConvolutionLayer.class);
    private static final Field POOL_HELPER = field(SubsamplingLayer.class);
    private static final Field NORM_HELPER = field(BatchNormalization.class);
    private static final Field LAYER_MAP = field(MultiLayerNetwork.class, "layerMap");
    private static volatile Boolean available;

    private OneDnnHelpers() {
    }

    /** True where ND4J runs on the CPU with a oneDNN build of libnd4j. */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = false;
            try {
                String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "");
                a = "CPU".equalsIgnoreCase(backend)
                        && NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
            } catch (RuntimeException | LinkageError e) {
                a = false; // no native library or an unexpected one: keep DL4J's own layer code
            }
            available = a;
        }
        return a;
    }

    /**
     * Installs the helpers into the layers that have none (NCHW 2D convolution and pooling
     * layers of exactly DL4J's classes, not their subclasses); does nothing without oneDNN.
     * A sequential network's pooling layers are replaced by {@link TiledMaxPoolingLayer}s
     * built from the same configuration, whose forward pass can skip oneDNN's reference
     * pooling; backward, {@link TiledMaxPooling} serves them and a graph's pooling layers.
     *
     * @return how many layers got a helper
     */
    public static int install(Network net) {
        String mode = System.getProperty(PROPERTY, "true");
        if (!available() || CONV_HELPER == null || POOL_HELPER == null || mode.equals("false")) {
            return 0;
        }
        boolean pooling = !mode.equals("conv");
        DataType type = net.dataType();
        MultiLayerNetwork sequential = net.sequential().orElse(null);
        Layer[] layers = sequential != null ? sequential.getLayers() : net.graph().orElseThrow().getLayers();
        int installed = 0;
        for (int i = 0; i < layers.length; i++) {
            Layer layer = layers[i];
            try {
                if (layer.getClass() == ConvolutionLayer.class && CONV_HELPER.get(layer) == null
                        && nchw(((ConvolutionLayer) layer).layerConf().getCnn2dDataFormat())) {
                    CONV_HELPER.set(layer, new MKLDNNConvHelper(type));
                    installed++;
                } else if (pooling && layer.getClass() == BatchNormalization.class && NORM_HELPER != null
                        && NORM_HELPER.get(layer) == null && batchNormSupported((BatchNormalization) layer)) {
                    NORM_HELPER.set(layer, new MKLDNNBatchNormHelper(type));
                    installed++;
                } else if (pooling && layer.getClass() == SubsamplingLayer.class && POOL_HELPER.get(layer) == null
                        && nchw(((SubsamplingLayer) layer).layerConf().getCnn2dDataFormat())) {
                    var helper = new TiledMaxPooling(new MKLDNNSubsamplingHelper(type));
                    if (sequential != null) {
                        replace(sequential, i, new TiledMaxPoolingLayer((SubsamplingLayer) layer, type, helper));
                    } else {
                        POOL_HELPER.set(layer, helper); // a graph's vertices hold its layers: backward only
                    }
                    installed++;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set the helper of " + layer.getClass().getName(), e);
            }
        }
        return installed;
    }

    /** Puts a layer in the place of the network's i-th, in its array and its map by name. */
    private static void replace(MultiLayerNetwork net, int i, Layer replacement) throws IllegalAccessException {
        replacement.setCacheMode(net.getLayerWiseConfigurations().getCacheMode());
        Layer[] layers = net.getLayers(); // the network's own array
        Layer old = layers[i];
        layers[i] = replacement;
        if (LAYER_MAP != null) {
            @SuppressWarnings("unchecked")
            var byName = (java.util.Map<String, Layer>) LAYER_MAP.get(net);
            if (byName != null) {
                byName.replaceAll((name, l) -> l == old ? replacement : l);
            }
        }
    }

    /**
     * Channels-first images or dense activations, with gamma and beta learned: what
     * {@code MKLDNNBatchNormHelper.checkSupported} asks besides the broken oneDNN check.
     */
    private static boolean batchNormSupported(BatchNormalization layer) {
        var conf = layer.layerConf();
        return nchw(conf.getCnn2DFormat()) && !conf.isLockGammaBeta();
    }

    private static boolean nchw(CNN2DFormat format) {
        return format == null || format == CNN2DFormat.NCHW;
    }

    private static Field field(Class<?> layer) {
        return field(layer, "helper");
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null; // another DL4J version: keep its own layer code
        }
    }
}
