package org.dl4jworkbench.core.model;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * Checks a parsed (allow-listed) configuration before anything is allocated for it: how many
 * parameters it implies, how large its activations are for one image, and whether it agrees
 * with the workbench metadata (input size, class count, a softmax output). Everything here
 * is arithmetic on the configuration; DL4J's {@code numParams} and {@code getOutputType}
 * allocate nothing.
 */
final class NetworkCheck {

    /** Far above any workbench template (the largest has 3.1 million), far below what exhausts memory by accident. */
    static final long MAX_PARAMETERS = 200_000_000L;
    /** Activation values per image over all layers; cats-dogs needs about 1.1 million. */
    static final long MAX_ACTIVATIONS_PER_IMAGE = 100_000_000L;

    private NetworkCheck() {
    }

    /** The parameter count the configuration implies, refused above {@link #MAX_PARAMETERS}. */
    static long parameters(MultiLayerConfiguration conf, String where) throws InvalidModelException {
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            long count;
            try {
                checkBound(layer, i, where);
                count = layer.initializer().numParams(layer);
            } catch (RuntimeException e) {
                throw malformed(where, i, layer, e);
            }
            if (count < 0 || count > MAX_PARAMETERS - total) {
                throw tooMany(where, String.format(Locale.ROOT, "at least %,d parameters (layer %s alone %,d)",
                        total + Math.max(0, count), name(layer, i), count));
            }
            total += count;
        }
        return total;
    }

    /**
     * Refuses sizes whose parameter count would overflow or exceed the cap, using a bound
     * computed without overflow, so DL4J's own count (plain long arithmetic) is exact afterwards.
     */
    static void checkBound(Layer layer, int index, String where) throws UnsafeModelException {
        if (!(layer instanceof FeedForwardLayer ff)) {
            return;
        }
        long nIn = ff.getNIn();
        long nOut = ff.getNOut();
        if (nIn < 0 || nOut < 0) {
            throw tooMany(where, "negative sizes (layer " + name(layer, index) + ": nIn " + nIn + ", nOut " + nOut + ")");
        }
        long area = 1;
        if (layer instanceof ConvolutionLayer conv && conv.getKernelSize() != null) {
            for (int k : conv.getKernelSize()) {
                if (k <= 0) {
                    area = -1;
                    break;
                }
                area = saturatedMultiply(area, k);
            }
        }
        long bound = area < 0 ? -1
                : saturatedAdd(saturatedMultiply(saturatedMultiply(nIn + 1, nOut), area), saturatedMultiply(4, nOut));
        if (bound < 0 || bound == Long.MAX_VALUE) {
            throw tooMany(where, "an impossible number of parameters (layer " + name(layer, index) + ": nIn "
                    + nIn + ", nOut " + nOut + ")");
        }
    }

    /**
     * Checks that the network takes the metadata's input and gives its classes: every layer's
     * input size matches what the layer before produces, the last layer is a softmax output of
     * one unit per class, and activations for one image stay under the limit.
     */
    static void agreesWith(MultiLayerConfiguration conf, ModelMetadata metadata, String where)
            throws InvalidModelException {
        InputType type = InputType.convolutional(metadata.height(), metadata.width(), metadata.channels());
        long activations = type.arrayElementsPerExample();
        List<?> confs = conf.getConfs();
        for (int i = 0; i < confs.size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            try {
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null) {
                    checkPreprocessor(pre, type, layer, i, where);
                    type = pre.getOutputType(type);
                }
                // Layers without parameters (dropout) keep nIn 0: DL4J never sets it, as nothing depends on it.
                if (layer instanceof FeedForwardLayer ff && layer.initializer().numParams(layer) > 0) {
                    long receives = incomingSize(type);
                    if (ff.getNIn() != receives) {
                        throw new InvalidModelException("cannot use " + where + ": layer " + name(layer, i)
                                + " expects " + ff.getNIn() + " inputs but the layer before gives it " + receives
                                + " for " + metadata.height() + "x" + metadata.width() + "x" + metadata.channels()
                                + " images; the file's metadata and network disagree (damaged or altered)");
                    }
                }
                type = layer.getOutputType(i, type);
            } catch (InvalidModelException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidModelException("cannot use " + where + ": the network does not accept "
                        + metadata.height() + "x" + metadata.width() + "x" + metadata.channels() + " images at layer "
                        + name(layer, i) + " (" + e.getMessage() + "); the file is damaged or altered", e);
            }
            long size = type.arrayElementsPerExample();
            if (size <= 0) {
                throw new InvalidModelException("cannot use " + where + ": layer " + name(layer, i) + " gives an "
                        + "empty output for " + metadata.height() + "x" + metadata.width() + " images; the file is "
                        + "damaged or altered");
            }
            activations += size;
            if (activations > MAX_ACTIVATIONS_PER_IMAGE) {
                throw new UnsafeModelException("refused " + where + ": one image would need more than "
                        + String.format(Locale.ROOT, "%,d", MAX_ACTIVATIONS_PER_IMAGE) + " activation values (at layer "
                        + name(layer, i) + "); the file is damaged or made to exhaust memory");
            }
        }
        Layer last = conf.getConf(confs.size() - 1).getLayer();
        if (!(last instanceof OutputLayer out) || !(out.getActivationFn() instanceof ActivationSoftmax)) {
            throw new InvalidModelException("cannot use " + where + ": the last layer is not a softmax output layer, "
                    + "so its outputs are not class probabilities. Workbench networks always end in one");
        }
        int classes = metadata.classNames().size();
        if (out.getNOut() != classes) {
            throw new InvalidModelException("cannot use " + where + ": the network has " + out.getNOut()
                    + " outputs but workbench.json names " + classes + " classes; the file is damaged or altered");
        }
    }

    static void checkPreprocessor(InputPreProcessor pre, InputType type, Layer layer, int index, String where)
            throws InvalidModelException {
        if (pre instanceof CnnToFeedForwardPreProcessor flatten
                && type instanceof InputType.InputTypeConvolutional conv
                && (flatten.getInputHeight() != conv.getHeight() || flatten.getInputWidth() != conv.getWidth()
                    || flatten.getNumChannels() != conv.getChannels())) {
            throw new InvalidModelException("cannot use " + where + ": the network flattens "
                    + flatten.getInputHeight() + "x" + flatten.getInputWidth() + "x" + flatten.getNumChannels()
                    + " before layer " + name(layer, index) + " but receives " + conv.getHeight() + "x"
                    + conv.getWidth() + "x" + conv.getChannels() + " there; the file is damaged or altered");
        }
    }

    static long incomingSize(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional conv) {
            return conv.getChannels();
        }
        if (type instanceof InputType.InputTypeFeedForward ff) {
            return ff.getSize();
        }
        return -1;
    }

    static String name(Layer layer, int index) {
        return layer.getLayerName() == null ? String.valueOf(index) : "'" + layer.getLayerName() + "'";
    }

    private static InvalidModelException malformed(String where, int index, Layer layer, RuntimeException e) {
        return new InvalidModelException("cannot use " + where + ": layer " + name(layer, index) + " is malformed ("
                + e + "); the file is damaged or altered", e);
    }

    static UnsafeModelException tooMany(String where, String what) {
        return new UnsafeModelException("refused " + where + ": it describes " + what
                + ", more than the " + String.format(Locale.ROOT, "%,d", MAX_PARAMETERS) + " the workbench loads; a "
                + "file like this is damaged or made to exhaust memory. Nothing was allocated for it");
    }

    private static long saturatedMultiply(long a, long b) {
        long r = a * b;
        long hi = Math.multiplyHigh(a, b);
        return (hi == 0 && r >= 0) || (hi == -1 && r < 0) ? r : Long.MAX_VALUE;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
