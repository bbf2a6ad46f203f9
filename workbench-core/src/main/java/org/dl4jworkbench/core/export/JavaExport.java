package org.dl4jworkbench.core.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DataSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * A network spec as a Java class a person learning DL4J can read and run: a method that builds,
 * with {@code NeuralNetConfiguration.Builder ... .list()}, the very {@code MultiLayerConfiguration}
 * that {@code SpecCompiler} compiles (same layers and names, activations, padding, strides,
 * dropout, batch normalization, weight initialisation, updater and schedule, seed, L2, input
 * type), each layer under a comment naming it as the workbench shows it, and a {@code main} that
 * builds the network and prints its summary and configuration. A spec that begins with a
 * pretrained backbone becomes {@link TransferCode}'s transfer-learning class instead.
 */
public final class JavaExport {

    /** Comments are wrapped to this width. */
    static final int WIDTH = 100;
    static final String INDENT = "                "; // continuation lines of a layer's builder chain

    private JavaExport() {
    }

    /**
     * The class's source.
     *
     * @param className a simple or package-qualified Java class name ({@link #classNameProblem})
     * @throws InvalidNetworkException where the network has errors: it could not be built
     * @throws IllegalArgumentException where the class name is not a Java class name
     */
    public static String generate(NetworkSpec spec, String className) {
        classNameProblem(className).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        if (!analysis.isValid()) {
            throw new InvalidNetworkException(analysis.errors());
        }
        if (spec.hasBackbone()) {
            return TransferCode.generate(spec, analysis, className);
        }
        return sequential(spec, analysis, className);
    }

    /** What is wrong with {@code name} as the exported class's name, if anything. */
    public static Optional<String> classNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("expected a Java class name such as LeNet or com.example.LeNet, found nothing");
        }
        if (!SourceVersion.isName(name)) {
            return Optional.of("expected a Java class name such as LeNet or com.example.LeNet (letters, digits and _, "
                    + "not beginning with a digit, not a Java keyword), found '" + name + "'");
        }
        return Optional.empty();
    }

    /** A class name made from the network's name: "mnist-cnn" becomes MnistCnn, "2 conv" Net2Conv. */
    public static String defaultClassName(NetworkSpec spec) {
        var name = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < spec.name().length(); i++) {
            char c = spec.name().charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Net");
        }
        return SourceVersion.isName(name) ? name.toString() : "Network";
    }

    /** The simple name of a possibly package-qualified class name. */
    public static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String sequential(NetworkSpec spec, NetworkAnalysis analysis, String className) {
        TrainingSpec t = spec.training();
        var schedule = new ScheduleCode(t);
        String simple = simpleName(className);
        var src = new StringBuilder();
        src.append(packageLine(className));
        src.append(imports(spec, schedule));
        src.append(classComment(spec, analysis)).append("public class ").append(simple).append(" {\n\n");
        src.append(trainingConstants(t));
        String parameter = schedule.perIteration() ? "int iterationsPerEpoch" : "";
        src.append("    /**\n     * The network's configuration, as the workbench compiles it for training.\n");
        if (schedule.perIteration()) {
            src.append("     *\n     * @param iterationsPerEpoch minibatches in one epoch (training images / BATCH_SIZE, "
                    + "rounded up):\n     *     the learning-rate schedule is laid out over EPOCHS epochs of them\n");
        }
        src.append("     */\n    public static MultiLayerConfiguration configuration(").append(parameter).append(") {\n");
        src.append("        return new NeuralNetConfiguration.Builder()\n");
        src.append("                .seed(").append(JavaText.number(t.seed())).append(") // repeatable weights\n");
        src.append("                .dataType(DataType.FLOAT) // 32-bit floats\n");
        src.append("                .cacheMode(CacheMode.HOST)\n");
        src.append("                .updater(").append(schedule.updater()).append(") // ")
                .append(JavaText.comment(schedule.note())).append('\n');
        src.append("                .weightInit(WeightInit.XAVIER) // for the layers that do not set their own\n");
        if (t.l2() > 0) {
            src.append("                .l2(").append(JavaText.number(t.l2())).append(") // L2 weight decay\n");
        }
        src.append("                .list()\n");
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            src.append("                // ").append(JavaText.comment(layerTitle(layers.get(i), row(analysis, i))))
                    .append('\n');
            src.append("                .layer(").append(LayerCode.of(layers.get(i), INDENT + "        "))
                    .append(")\n");
        }
        src.append("                // ").append(JavaText.comment(outputTitle(spec, row(analysis, layers.size()))))
                .append('\n');
        src.append(OutputCode.sequential(spec.output()));
        InputSpec in = spec.input();
        src.append("                // Every layer's nIn follows from the input type, which also inserts the\n"
                + "                // preprocessor that flattens images before the first dense layer.\n");
        src.append("                .setInputType(").append(inputType(in)).append(")\n");
        src.append("                .build();\n    }\n");
        src.append(schedule.method());
        src.append(main(spec, schedule.perIteration()));
        src.append("}\n");
        return src.toString();
    }

    static String packageLine(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n\n";
    }

    static String inputType(InputSpec in) {
        return "InputType.convolutional(" + in.height() + ", " + in.width() + ", " + in.channels() + ")";
    }

    private static String imports(NetworkSpec spec, ScheduleCode schedule) {
        Set<String> names = new TreeSet<>();
        names.add("org.deeplearning4j.nn.conf.CacheMode");
        names.add("org.deeplearning4j.nn.conf.MultiLayerConfiguration");
        names.add("org.deeplearning4j.nn.conf.NeuralNetConfiguration");
        names.add("org.deeplearning4j.nn.conf.inputs.InputType");
        names.add("org.deeplearning4j.nn.conf.layers.OutputLayer");
        names.add("org.deeplearning4j.nn.multilayer.MultiLayerNetwork");
        names.add("org.deeplearning4j.nn.weights.WeightInit");
        names.add("org.nd4j.linalg.activations.Activation");
        names.add("org.nd4j.linalg.api.buffer.DataType");
        names.add("org.nd4j.linalg.lossfunctions.LossFunctions");
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof ConvolutionSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.ConvolutionLayer");
                names.add("org.deeplearning4j.nn.conf.ConvolutionMode");
            } else if (layer instanceof PoolingSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.SubsamplingLayer");
                names.add("org.deeplearning4j.nn.conf.ConvolutionMode");
            } else if (layer instanceof DenseSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.DenseLayer");
            } else if (layer instanceof DropoutSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.DropoutLayer");
            } else if (layer instanceof BatchNormSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.BatchNormalization");
            }
        }
        names.addAll(updaterImports(schedule));
        return importLines(names);
    }

    static Set<String> updaterImports(ScheduleCode schedule) {
        Set<String> names = new TreeSet<>();
        names.add("org.nd4j.linalg.learning.config." + schedule.updaterClass());
        schedule.scheduleImports().forEach(n -> names.add("org.nd4j.linalg.schedule." + n));
        if (schedule.usesMaps()) {
            names.add("java.util.HashMap");
            names.add("java.util.Map");
        }
        return names;
    }

    static String importLines(Set<String> names) {
        var lines = new StringBuilder();
        names.forEach(n -> lines.append("import ").append(n).append(";\n"));
        return lines.append('\n').toString();
    }

    private static String classComment(NetworkSpec spec, NetworkAnalysis analysis) {
        DataSpec d = spec.data();
        TrainingSpec t = spec.training();
        String summary = "The network \"" + spec.name() + "\" from DL4J Workbench, as plain Deeplearning4j 1.0.0-M2.1 "
                + "code: " + String.format(Locale.ROOT, "%,d", analysis.totalParameters()) + " parameters. "
                + "{@link #configuration} builds the same configuration the workbench trains.";
        String around = "<p>What the workbench does around it, not written here: it trains for EPOCHS epochs of "
                + "BATCH_SIZE images, " + normalization(d) + ", holds back " + percent(d.validationSplit())
                + " of the training images to validate on"
                + (d.augmentation().isNone() ? "" : ", changes training images at random (" + augmentation(d) + ")")
                + (t.earlyStopping() == null ? "" : ", stops early when validation stops improving") + ".";
        var c = new StringBuilder("/**\n").append(JavaText.javadoc(summary, WIDTH)).append(" *\n")
                .append(JavaText.javadoc(around, WIDTH)).append(" */\n");
        return c.toString();
    }

    private static String trainingConstants(TrainingSpec t) {
        return "    /** Images in one minibatch, as the workbench trains. */\n"
                + "    public static final int BATCH_SIZE = " + t.batchSize() + ";\n"
                + "    /** Passes over the training images, as the workbench trains. */\n"
                + "    public static final int EPOCHS = " + t.epochs() + ";\n\n";
    }

    private static String normalization(DataSpec d) {
        return switch (d.normalization()) {
            case SCALE -> "divides pixels by 255";
            case STANDARDIZE -> "standardizes pixels by the training images' mean and deviation per channel";
            case SYMMETRIC -> "maps pixels to -1..1 (x / 127.5 - 1)";
            case NONE -> "passes pixels as they are (0..255)";
        };
    }

    private static String augmentation(DataSpec d) {
        var a = d.augmentation();
        var parts = new java.util.ArrayList<String>();
        if (a.flip()) {
            parts.add("flipped left to right");
        }
        if (a.rotation() > 0) {
            parts.add("rotated up to " + JavaText.number(a.rotation()) + " degrees");
        }
        if (a.translation() > 0) {
            parts.add("shifted up to " + percent(a.translation()));
        }
        if (a.zoom() > 0) {
            parts.add("zoomed up to " + percent(a.zoom()));
        }
        return String.join(", ", parts);
    }

    private static String percent(double share) {
        return new java.math.BigDecimal(Double.toString(share * 100)).stripTrailingZeros().toPlainString() + "%";
    }

    /** The analysis row of the spec's layer {@code index} (the output at {@code layers.size()}). */
    static LayerInfo row(NetworkAnalysis analysis, int index) {
        return analysis.layers().stream().filter(l -> l.index() == index).findFirst().orElseThrow();
    }

    static String layerTitle(LayerSpec layer, LayerInfo row) {
        return layer.name() + ": " + layer.type() + " " + layer.settings() + " -> " + row.outputShape() + ", "
                + String.format(Locale.ROOT, "%,d", row.parameters()) + " parameters";
    }

    static String outputTitle(NetworkSpec spec, LayerInfo row) {
        return "output: softmax over " + spec.output().classes() + " classes, cross-entropy loss -> "
                + row.outputShape() + ", " + String.format(Locale.ROOT, "%,d", row.parameters()) + " parameters";
    }

    private static String main(NetworkSpec spec, boolean perIteration) {
        var m = new StringBuilder("""

                    /** Builds the network and prints its layers, output shapes and parameters, then its configuration. */
                    public static void main(String[] args) {
                """);
        if (perIteration) {
            m.append("        // Minibatches per epoch of your training data (1 lays the schedule out for shapes only).\n")
                    .append("        int iterationsPerEpoch = args.length > 0 ? Integer.parseInt(args[0]) : 1;\n")
                    .append("        MultiLayerConfiguration conf = configuration(iterationsPerEpoch);\n");
        } else {
            m.append("        MultiLayerConfiguration conf = configuration();\n");
        }
        m.append("        MultiLayerNetwork net = new MultiLayerNetwork(conf);\n")
                .append("        net.init();\n")
                .append("        System.out.println(net.summary(").append(inputType(spec.input())).append("));\n")
                .append("        System.out.println(conf.toJson());\n")
                .append("    }\n");
        return m.toString();
    }
}
