package org.dl4jworkbench.core.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.BackboneSpec;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DataSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Size2;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * Shape inference and validation: each layer's output shape, parameter count and
 * multiply-adds, computed the way DL4J computes them, and every reason the network would
 * not build or train, as {@link Problem}s that name the layer and suggest a fix.
 *
 * <p>DL4J itself does not catch all of these: with truncate (valid) convolution a kernel
 * larger than its input builds, and {@code init()} later fails with a misleading
 * "DenseLayer nIn=0". So nothing reaches DL4J unless this analysis found no error.
 */
public final class NetworkAnalyzer {

    /** Above this many parameters in one layer, a warning suggests pooling first. */
    static final long LARGE_LAYER_PARAMETERS = 50_000_000L;

    private final NetworkSpec spec;
    private final List<LayerInfo> infos = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private long frozenParameters;

    private NetworkAnalyzer(NetworkSpec spec) {
        this.spec = spec;
    }

    public static NetworkAnalysis analyze(NetworkSpec spec) {
        return analyze(spec, null);
    }

    /** Also checks the network against a dataset's image size and class count, when given. */
    public static NetworkAnalysis analyze(NetworkSpec spec, DataShape data) {
        var analyzer = new NetworkAnalyzer(spec);
        analyzer.run(data);
        return new NetworkAnalysis(analyzer.infos, analyzer.problems, analyzer.frozenParameters);
    }

    private void run(DataShape data) {
        checkNames();
        checkTraining(spec.training());
        checkDataPreparation(spec.data());
        if (data != null) {
            checkData(data);
        }
        InputSpec in = spec.input();
        if (in.height() < 1 || in.width() < 1 || in.channels() < 1) {
            error(Problem.INPUT, "input", "the input must be at least 1x1x1 (height x width x channels), found " + in
                    + ".", "Set the input to the dataset's image size, e.g. 28x28x1 for MNIST or 32x32x3 for CIFAR-10.");
            return;
        }
        Shape shape = Shape.image(in.height(), in.width(), in.channels());
        infos.add(new LayerInfo(-1, "input", "input", in.toString(), shape, shape, 0, 0));
        if (spec.hasBackbone()) {
            shape = backbone(shape);
            if (shape == null) {
                checkOutput(null);
                return;
            }
        }
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            shape = infer(i, layers.get(i), shape);
            if (shape == null) {
                // Later shapes are unknown; still report their own settings' problems.
                for (int j = i + 1; j < layers.size(); j++) {
                    checkSettings(j, layers.get(j));
                }
                checkOutput(null);
                return;
            }
        }
        checkOutput(shape);
    }

    /**
     * The pretrained backbone as one block: its input must be the backbone's (images are
     * resized to it) with its normalization; its output is the feature vector at the cut.
     */
    private Shape backbone(Shape in) {
        BackboneSpec b = spec.backbone();
        String name = b.model() == null ? "backbone" : b.model();
        Backbone known = b.model() == null ? null : Backbones.find(b.model()).orElse(null);
        if (known == null) {
            error(Problem.INPUT, "backbone", "unknown pretrained network '" + b.model() + "'.",
                    "Use one of: " + String.join(", ", Backbones.ids()) + ".");
            return null;
        }
        boolean ok = true;
        if (!b.isFrozen() && known.block(b.trainableFrom()).isEmpty()) {
            error(Problem.INPUT, name, "has no block '" + b.trainableFrom() + "' to train from.",
                    "Use one of " + String.join(", ", known.blockNames()) + ", or none to keep it frozen.");
            ok = false;
        }
        if (!known.input().equals(spec.input())) {
            error(Problem.INPUT, "input", known.title() + " takes " + known.input() + " images, found an input of "
                    + spec.input() + ".", "Set the input to " + known.input() + "; images are resized to it.");
            ok = false;
        }
        if (spec.data().normalization() != known.normalization()) {
            error(Problem.TRAINING, "normalization", known.title() + " was trained on pixels normalized as '"
                    + known.normalization().id() + "', found '" + spec.data().normalization().id() + "'.",
                    "Set the normalization to '" + known.normalization().id() + "'.");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        frozenParameters = known.frozenParameters(b);
        Shape out = Shape.flat(known.features());
        String settings = "ImageNet weights, " + (b.isFrozen() ? "frozen" : "trains from " + b.trainableFrom());
        infos.add(new LayerInfo(-1, name, "backbone", settings, in, out, known.parameters(), known.multiplyAdds()));
        return out;
    }

    private Shape infer(int index, LayerSpec layer, Shape in) {
        if (!checkSettings(index, layer)) {
            return null;
        }
        if (layer instanceof ConvolutionSpec c) {
            return convolution(index, c, in);
        } else if (layer instanceof PoolingSpec p) {
            return pooling(index, p, in);
        } else if (layer instanceof DenseSpec d) {
            return dense(index, d, in);
        } else if (layer instanceof BatchNormSpec b) {
            // gamma, beta, running mean and running variance per channel (or per unit)
            long channels = in.isImage() ? in.channels() : in.size();
            return add(index, b, in, in, 4 * channels, 2 * in.size());
        }
        return add(index, layer, in, in, 0, 0); // dropout

    }

    private Shape convolution(int index, ConvolutionSpec c, Shape in) {
        if (!requireImage(index, c, in, "a convolution")) {
            return null;
        }
        Shape out = window(index, c, in, c.kernel(), c.stride(), c.padding(), c.filters());
        if (out == null) {
            return null;
        }
        long weights = (long) c.kernel().height() * c.kernel().width() * in.channels() * c.filters();
        long macs = (long) out.height() * out.width() * c.filters() * c.kernel().height() * c.kernel().width()
                * in.channels();
        return add(index, c, in, out, weights + c.filters(), macs);
    }

    private Shape pooling(int index, PoolingSpec p, Shape in) {
        if (!requireImage(index, p, in, "a pooling")) {
            return null;
        }
        Shape out = window(index, p, in, p.kernel(), p.stride(), p.padding(), in.channels());
        return out == null ? null : add(index, p, in, out, 0, 0);
    }

    /** Output of a sliding window (convolution or pooling), or null with a problem where it does not fit. */
    private Shape window(int index, LayerSpec layer, Shape in, Size2 kernel, Size2 stride, Padding padding,
                         int outChannels) {
        if (padding == Padding.SAME) {
            return Shape.image(ceilDiv(in.height(), stride.height()), ceilDiv(in.width(), stride.width()),
                    outChannels);
        }
        if (kernel.height() > in.height() || kernel.width() > in.width()) {
            error(index, layer.name(), "kernel " + kernel + " is larger than its " + in + " input, so the output would "
                    + "have no pixels.", "Use a kernel of at most " + in.height() + "x" + in.width()
                    + ", set padding to 'same', or remove a pooling or strided layer before it.");
            return null;
        }
        int h = (in.height() - kernel.height()) / stride.height() + 1;
        int w = (in.width() - kernel.width()) / stride.width() + 1;
        int lostH = (in.height() - kernel.height()) % stride.height();
        int lostW = (in.width() - kernel.width()) % stride.width();
        if (lostH > 0 || lostW > 0) {
            warning(index, layer.name(), "with stride " + stride + " and kernel " + kernel + " the last "
                    + Math.max(lostH, lostW) + " row(s) or column(s) of its " + in + " input are never used.",
                    "Set padding to 'same', or pick a kernel and stride that fit the input exactly.");
        }
        return Shape.image(h, w, outChannels);
    }

    private Shape dense(int index, DenseSpec d, Shape in) {
        long params = in.size() * d.units() + d.units();
        if (params > LARGE_LAYER_PARAMETERS) {
            warning(index, d.name(), "has " + params + " parameters (" + in + " inputs x " + d.units()
                    + " units): slow to train and likely to overfit.",
                    "Add pooling or strided convolution before it, or use fewer units.");
        }
        return add(index, d, in, Shape.flat(d.units()), params, in.size() * d.units());
    }

    private void checkOutput(Shape in) {
        OutputSpec out = spec.output();
        int index = spec.layers().size();
        if (out.classes() < 2) {
            problems.add(new Problem(Severity.ERROR, Problem.OUTPUT, OutputSpec.NAME, "needs at least 2 classes, found "
                    + out.classes() + ".", "Set the number of classes to the dataset's class count."));
            return;
        }
        if (in != null) {
            long params = in.size() * out.classes() + out.classes();
            infos.add(new LayerInfo(index, OutputSpec.NAME, "output", out.classes() + " classes, softmax", in,
                    Shape.flat(out.classes()), params, in.size() * out.classes()));
        }
    }

    private boolean requireImage(int index, LayerSpec layer, Shape in, String what) {
        if (in.isImage()) {
            return true;
        }
        boolean afterBackbone = spec.hasBackbone() && spec.layers().subList(0, index).stream()
                .noneMatch(l -> l instanceof DenseSpec);
        if (afterBackbone) {
            error(index, layer.name(), what + " layer needs an image-shaped input (height x width x channels), but "
                    + "the pretrained network before it ends in a flat vector of " + in + " features.",
                    "Remove it: after a pretrained network, use dense, dropout and batch normalization layers.");
        } else {
            error(index, layer.name(), what + " layer needs an image-shaped input (height x width x channels), but "
                    + "it follows a dense layer whose output is flat (" + in + ").",
                    "Move it before the first dense layer.");
        }
        return false;
    }

    /** Checks a layer's own settings; false where an error keeps its shape from being computed. */
    private boolean checkSettings(int index, LayerSpec layer) {
        int before = errorCount();
        if (layer instanceof ConvolutionSpec c) {
            atLeastOne(index, c, "filters", c.filters(), "Use 8 to 512 filters; 32 is a common start.");
            checkWindow(index, c, c.kernel(), c.stride());
        } else if (layer instanceof PoolingSpec p) {
            checkWindow(index, p, p.kernel(), p.stride());
        } else if (layer instanceof DenseSpec d) {
            atLeastOne(index, d, "units", d.units(), "Use 32 to 1024 units; 128 is a common start.");
        } else if (layer instanceof DropoutSpec d && !(d.rate() >= 0 && d.rate() < 1)) {
            error(index, d.name(), "the dropout rate (the share of activations dropped) must be at least 0 "
                    + "and below 1, found " + d.rate() + ".", "Use 0.2 to 0.5.");
        }
        return errorCount() == before;
    }

    private void checkWindow(int index, LayerSpec layer, Size2 kernel, Size2 stride) {
        if (kernel.height() < 1 || kernel.width() < 1) {
            error(index, layer.name(), "the kernel must be at least 1x1, found " + kernel + ".",
                    "Use 3x3 or 5x5 for convolution, 2x2 for pooling.");
        }
        if (stride.height() < 1 || stride.width() < 1) {
            error(index, layer.name(), "the stride must be at least 1x1, found " + stride + ".", "Use stride 1 or 2.");
        }
    }

    private void atLeastOne(int index, LayerSpec layer, String what, int value, String fix) {
        if (value < 1) {
            error(index, layer.name(), what + " must be at least 1, found " + value + ".", fix);
        }
    }

    private void checkNames() {
        Set<String> seen = new HashSet<>();
        seen.add(OutputSpec.NAME);
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            String name = layers.get(i).name();
            if (!seen.add(name)) {
                error(i, name, "another layer has the same name.", "Rename one of them; names must be unique.");
            }
        }
    }

    private void checkTraining(TrainingSpec t) {
        String name = "training";
        if (!(t.learningRate() > 0 && t.learningRate() <= 10)) {
            error(Problem.TRAINING, name, "the learning rate must be above 0 and at most 10, found " + t.learningRate()
                    + ".", "Use 0.001 for Adam or RMSProp, 0.01 to 0.1 for SGD.");
        }
        if (t.batchSize() < 1) {
            error(Problem.TRAINING, name, "the batch size must be at least 1, found " + t.batchSize() + ".",
                    "Use 32 to 128.");
        }
        if (t.epochs() < 1) {
            error(Problem.TRAINING, name, "epochs must be at least 1, found " + t.epochs() + ".", "Use 1 to 20.");
        }
        if (!(t.l2() >= 0 && t.l2() < 1)) {
            error(Problem.TRAINING, name, "L2 weight decay must be at least 0 and below 1, found " + t.l2() + ".",
                    "Use 0 (none) or 0.0001 to 0.001.");
        }
        if (t.schedule() instanceof Schedule.Step step && (step.everyEpochs() < 1
                || !(step.factor() > 0 && step.factor() <= 1))) {
            error(Problem.TRAINING, name, "a step schedule needs at least 1 epoch per step and a factor above 0 "
                    + "and at most 1, found every " + step.everyEpochs() + " epoch(s), factor " + step.factor() + ".",
                    "Use a factor of 0.1 to 0.5 every 2 to 10 epochs.");
        }
        if (!(t.warmupEpochs() >= 0 && t.warmupEpochs() < Math.max(1, t.epochs()))) {
            error(Problem.TRAINING, name, "the warm-up must be at least 0 and shorter than the run, found "
                    + t.warmupEpochs() + " of " + t.epochs() + " epoch(s).", "Use 0 (none) to 1 epoch.");
        }
        EarlyStoppingSpec stopping = t.earlyStopping();
        if (stopping != null && (stopping.patience() < 1 || !(stopping.minDelta() >= 0))) {
            error(Problem.TRAINING, name, "early stopping needs a patience of at least 1 epoch and a minimum "
                    + "improvement of at least 0, found patience " + stopping.patience() + ", minimum "
                    + stopping.minDelta() + ".", "Use a patience of 3 to 10 epochs and a minimum of 0.");
        }
        if (stopping != null && spec.data().validationSplit() <= 0) {
            error(Problem.TRAINING, name, "early stopping watches the validation metrics, but no training images are "
                    + "held back to validate on.", "Set the validation share to 0.1 or 0.2, or turn early stopping "
                    + "off.");
        }
        if (t.optimizer() == Optimizer.NESTEROV && !(t.momentum() >= 0 && t.momentum() < 1)) {
            error(Problem.TRAINING, name, "momentum must be at least 0 and below 1, found " + t.momentum() + ".",
                    "Use 0.9.");
        }
    }

    private void checkDataPreparation(DataSpec d) {
        String name = "data";
        if (!(d.validationSplit() >= 0 && d.validationSplit() <= 0.5)) {
            error(Problem.TRAINING, name, "the validation share must be 0 to 0.5 of the training images, found "
                    + d.validationSplit() + ".", "Use 0.1 to 0.2, or 0 to train on every image.");
        }
        AugmentationSpec a = d.augmentation();
        if (!(a.rotation() >= 0 && a.rotation() <= 180)) {
            error(Problem.TRAINING, name, "augmentation rotation must be 0 to 180 degrees, found " + a.rotation() + ".",
                    "Use 5 to 20 degrees for photos, 0 to 10 for digits.");
        }
        if (!(a.translation() >= 0 && a.translation() <= 0.5)) {
            error(Problem.TRAINING, name, "augmentation shift must be 0 to 0.5 of the image, found " + a.translation()
                    + ".", "Use 0.05 to 0.15.");
        }
        if (!(a.zoom() >= 0 && a.zoom() < 1)) {
            error(Problem.TRAINING, name, "augmentation zoom must be at least 0 and below 1, found " + a.zoom() + ".",
                    "Use 0.05 to 0.2.");
        }
    }

    private void checkData(DataShape data) {
        InputSpec in = spec.input();
        if (spec.hasBackbone() && (in.height() != data.height() || in.width() != data.width()
                || in.channels() != data.channels())) {
            error(Problem.INPUT, "input", "the pretrained network takes " + in + " images but dataset '" + data.name()
                    + "' has " + data.height() + "x" + data.width() + "x" + data.channels() + ", a fixed size.",
                    "Use the images as an image folder (folder:DIR, a subfolder per class): folders are resized "
                            + "to " + in + ".");
        } else if (in.height() != data.height() || in.width() != data.width() || in.channels() != data.channels()) {
            String found = data.height() + "x" + data.width() + "x" + data.channels();
            error(Problem.INPUT, "input", "the network takes " + in + " images but dataset '" + data.name()
                    + "' has " + found + ".", "Set the input to " + found + ".");
        }
        if (spec.output().classes() != data.classes()) {
            problems.add(new Problem(Severity.ERROR, Problem.OUTPUT, OutputSpec.NAME, "has " + spec.output().classes()
                    + " classes but dataset '" + data.name() + "' has " + data.classes() + ".",
                    "Set the output's classes to " + data.classes() + "."));
        }
    }

    private Shape add(int index, LayerSpec layer, Shape in, Shape out, long params, long macs) {
        infos.add(new LayerInfo(index, layer.name(), layer.type(), layer.settings(), in, out, params, macs));
        return out;
    }

    private void error(int index, String name, String message, String fix) {
        problems.add(new Problem(Severity.ERROR, index, name, message, fix));
    }

    private void warning(int index, String name, String message, String fix) {
        problems.add(new Problem(Severity.WARNING, index, name, message, fix));
    }

    private int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
