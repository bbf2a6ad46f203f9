package org.dl4jworkbench.core.export;

import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.PoolingType;

/**
 * One hidden layer as the DL4J builder expression that {@code SpecCompiler.layer} evaluates:
 * the same builder, the same calls, the same values. A change there must be made here too; the
 * export test compiles this code for every template and compares the configurations.
 */
final class LayerCode {

    private LayerCode() {
    }

    /** The expression, its continuation lines indented by {@code indent}. */
    static String of(LayerSpec spec, String indent) {
        return of(spec, indent, -1);
    }

    /**
     * The expression with {@code nIn} set where it is at least 0, as {@code TransferCompiler} sets
     * it after the backbone (and {@code nOut} too for batch normalization, which keeps the size).
     */
    static String of(LayerSpec spec, String indent, long nIn) {
        var b = new Lines(indent);
        if (spec instanceof ConvolutionSpec c) {
            b.first("new ConvolutionLayer.Builder(" + c.kernel().height() + ", " + c.kernel().width() + ")");
            b.call("name(" + JavaText.string(c.name()) + ")");
            b.call("nOut(" + c.filters() + ")");
            b.call("stride(" + c.stride().height() + ", " + c.stride().width() + ")");
            b.call("convolutionMode(" + mode(c.padding()) + ")", modeNote(c.padding()));
            b.call("activation(" + activation(c.activation()) + ")");
            b.call("weightInit(" + weightInit(c.activation()) + ")", weightInitNote(c.activation()));
        } else if (spec instanceof PoolingSpec p) {
            b.first("new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType."
                    + (p.pooling() == PoolingType.MAX ? "MAX" : "AVG") + ")");
            b.call("name(" + JavaText.string(p.name()) + ")");
            b.call("kernelSize(" + p.kernel().height() + ", " + p.kernel().width() + ")");
            b.call("stride(" + p.stride().height() + ", " + p.stride().width() + ")");
            b.call("convolutionMode(" + mode(p.padding()) + ")", modeNote(p.padding()));
        } else if (spec instanceof DenseSpec d) {
            b.first("new DenseLayer.Builder()");
            b.call("name(" + JavaText.string(d.name()) + ")");
            b.call("nOut(" + d.units() + ")");
            b.call("activation(" + activation(d.activation()) + ")");
            b.call("weightInit(" + weightInit(d.activation()) + ")", weightInitNote(d.activation()));
        } else if (spec instanceof DropoutSpec d) {
            // 1.0 - rate, written out, so javac computes the very double the workbench does.
            b.first("new DropoutLayer.Builder(1.0 - " + JavaText.number(d.rate()) + ")",
                    "DL4J takes the share kept");
            b.call("name(" + JavaText.string(d.name()) + ")");
        } else if (spec instanceof BatchNormSpec bn) {
            b.first("new BatchNormalization.Builder()", "nIn and nOut follow from the layer before");
            b.call("name(" + JavaText.string(bn.name()) + ")");
        } else {
            throw new IllegalArgumentException("unknown layer type " + spec.getClass().getName());
        }
        if (nIn >= 0 && !(spec instanceof PoolingSpec)) {
            b.call("nIn(" + nIn + ")", "the size of the features before it");
            if (spec instanceof BatchNormSpec) {
                b.call("nOut(" + nIn + ")");
            }
        }
        b.call("build()");
        return b.toString();
    }

    static String mode(Padding padding) {
        return padding == Padding.SAME ? "ConvolutionMode.Same" : "ConvolutionMode.Truncate";
    }

    private static String modeNote(Padding padding) {
        return padding == Padding.SAME ? "'same': padded, output ceil(input / stride)"
                : "'valid': no padding";
    }

    static String activation(Activation activation) {
        return "Activation." + switch (activation) {
            case RELU -> "RELU";
            case LEAKY_RELU -> "LEAKYRELU";
            case ELU -> "ELU";
            case TANH -> "TANH";
            case SIGMOID -> "SIGMOID";
            case IDENTITY -> "IDENTITY";
        };
    }

    private static boolean reluLike(Activation activation) {
        return switch (activation) {
            case RELU, LEAKY_RELU, ELU -> true;
            default -> false;
        };
    }

    static String weightInit(Activation activation) {
        return reluLike(activation) ? "WeightInit.RELU" : "WeightInit.XAVIER";
    }

    private static String weightInitNote(Activation activation) {
        return reluLike(activation) ? "He initialisation, suited to relu-like activations" : null;
    }

    /** A builder chain: the first line, then one {@code .call()} a line, each with an optional comment. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();
        private final String indent;

        Lines(String indent) {
            this.indent = indent;
        }

        void first(String code) {
            first(code, null);
        }

        void first(String code, String note) {
            text.append(code).append(note(note));
        }

        void call(String code) {
            call(code, null);
        }

        void call(String code, String note) {
            text.append('\n').append(indent).append('.').append(code).append(note(note));
        }

        private static String note(String note) {
            return note == null ? "" : " // " + JavaText.comment(note);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
