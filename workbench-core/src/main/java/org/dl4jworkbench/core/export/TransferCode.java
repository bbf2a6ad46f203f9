package org.dl4jworkbench.core.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * A spec that begins with a pretrained backbone as the DL4J transfer-learning code
 * {@code TransferCompiler} runs: import the Keras file, drop the import's no-op dropouts, cut
 * the graph after the backbone's cut vertex, freeze it, add the spec's layers (their
 * {@code nIn} from the analysis, as the compiler sets them) and the softmax output, with the
 * spec's updater, schedule, seed and L2 as the fine-tune configuration.
 */
final class TransferCode {

    private TransferCode() {
    }

    static String generate(NetworkSpec spec, NetworkAnalysis analysis, String className) {
        Backbone known = Backbones.find(spec.backbone().model()).orElseThrow(); // the analysis checked it
        String file = PretrainedCatalog.find(known.id()).map(e -> e.file().name()).orElse(known.id() + ".h5");
        TrainingSpec t = spec.training();
        var schedule = new ScheduleCode(t);
        String frozenUpTo = known.frozenUpTo(spec.backbone());
        var src = new StringBuilder(JavaExport.packageLine(className));
        src.append(JavaExport.importLines(imports(spec, schedule)));
        String summary = "The network \"" + spec.name() + "\" from DL4J Workbench, as plain Deeplearning4j "
                + "1.0.0-M2.1 code: the pretrained " + known.title() + ", cut after its vertex " + known.cutAt()
                + " and " + (spec.backbone().isFrozen() ? "frozen" : frozenUpTo == null ? "trained whole"
                        : "frozen up to " + frozenUpTo)
                + ", then this network's own layers and a softmax output, made with DL4J's transfer-learning API as "
                + "the workbench makes it: " + String.format(Locale.ROOT, "%,d", analysis.totalParameters())
                + " parameters, " + String.format(Locale.ROOT, "%,d", analysis.trainableParameters())
                + " of them trained.";
        String around = "<p>The workbench trains it for EPOCHS epochs of BATCH_SIZE images of " + spec.input().height()
                + "x" + spec.input().width() + " pixels, mapped to -1..1 (x / 127.5 - 1) as the backbone was trained.";
        src.append("/**\n").append(JavaText.javadoc(summary, JavaExport.WIDTH)).append(" *\n")
                .append(JavaText.javadoc(around, JavaExport.WIDTH)).append(" */\n");
        src.append("public class ").append(JavaExport.simpleName(className)).append(" {\n\n");
        src.append("    /** Images in one minibatch, as the workbench trains. */\n")
                .append("    public static final int BATCH_SIZE = ").append(t.batchSize()).append(";\n")
                .append("    /** Passes over the training images, as the workbench trains. */\n")
                .append("    public static final int EPOCHS = ").append(t.epochs()).append(";\n")
                .append("    /**\n     * The Keras file of the pretrained network: './workbench models download ")
                .append(JavaText.comment(known.id())).append("'\n     * installs it and prints where.\n     */\n")
                .append("    public static final String BACKBONE_FILE = ").append(JavaText.string(file)).append(";\n\n");
        String parameters = "Path kerasFile" + (schedule.perIteration() ? ", int iterationsPerEpoch" : "");
        src.append("    /**\n     * The network, as the workbench makes it for training.\n     *\n")
                .append("     * @param kerasFile the pretrained network saved by Keras (BACKBONE_FILE)\n");
        if (schedule.perIteration()) {
            src.append("     * @param iterationsPerEpoch minibatches in one epoch (training images / BATCH_SIZE, rounded "
                    + "up):\n     *     the learning-rate schedule is laid out over EPOCHS epochs of them\n");
        }
        src.append("     */\n    public static ComputationGraph network(").append(parameters).append(")\n")
                .append("            throws IOException, InvalidKerasConfigurationException, "
                        + "UnsupportedKerasConfigurationException {\n");
        src.append("""
                        ComputationGraph backbone = KerasModelImport.importKerasModelAndWeights(kerasFile.toString(), false);
                        // DL4J's Keras import gives every layer a dropout that keeps everything (p = 1): it does nothing
                        // going forward, but its backward pass fails as soon as a backbone block trains. Remove those.
                        for (GraphVertex vertex : backbone.getConfiguration().getVertices().values()) {
                            if (vertex instanceof LayerVertex layer && layer.getLayerConf().getLayer().getIDropout()
                                    instanceof Dropout dropout && dropout.getP() == 1.0 && dropout.getPSchedule() == null) {
                                layer.getLayerConf().getLayer().setIDropout(null);
                            }
                        }
                        FineTuneConfiguration fineTune = new FineTuneConfiguration.Builder()
                """);
        src.append("                .seed(").append(JavaText.number(t.seed())).append(") // repeatable weights\n");
        src.append("                .updater(").append(schedule.updater()).append(") // ")
                .append(JavaText.comment(schedule.note())).append('\n');
        if (t.l2() > 0) {
            src.append("                .l2(").append(JavaText.number(t.l2())).append(") // L2 weight decay\n");
        }
        src.append("                .build();\n");
        src.append("        // ").append(spec.backbone().isFrozen()
                        ? "Frozen up to the cut: only the layers added below learn."
                        : frozenUpTo == null
                        ? "Nothing frozen (null): the whole backbone trains with the layers added below."
                        : "Frozen up to here; " + JavaText.comment(spec.backbone().trainableFrom())
                                + " onwards trains with the layers added below.")
                .append("\n        // Frozen batch normalization keeps its ImageNet statistics.\n");
        src.append("        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(backbone)\n")
                .append("                .fineTuneConfiguration(fineTune)\n")
                .append("                .setFeatureExtractor(").append(frozenUpTo == null ? "(String) null"
                        : JavaText.string(frozenUpTo)).append(");\n");
        String cut = JavaText.string(known.cutAt());
        src.append("        // Cut after ").append(JavaText.comment(known.cutAt()))
                .append(": remove every vertex after it (the ImageNet classifier).\n")
                .append("        List<String> order = backbone.getConfiguration().getTopologicalOrderStr();\n")
                .append("        int cut = order.indexOf(").append(cut).append(");\n")
                .append("        if (cut < 0) {\n")
                .append("            throw new IllegalArgumentException(kerasFile + \": expected a vertex \" + ")
                .append(cut).append("\n                    + ").append(JavaText.string(" to cut at; is it " + file + "?"))
                .append(");\n        }\n")
                .append("        for (int i = order.size() - 1; i > cut; i--) {\n")
                .append("            builder.removeVertexAndConnections(order.get(i));\n")
                .append("        }\n");
        List<LayerInfo> rows = analysis.layers().subList(2, analysis.layers().size()); // after the input and backbone
        String previous = known.cutAt();
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            src.append("        // ").append(JavaText.comment(JavaExport.layerTitle(layer, rows.get(i)))).append('\n');
            src.append("        builder.addLayer(").append(JavaText.string(layer.name())).append(", ")
                    .append(LayerCode.of(layer, "                ", rows.get(i).inputShape().size()))
                    .append(", ").append(JavaText.string(previous)).append(");\n");
            previous = layer.name();
        }
        LayerInfo out = rows.get(layers.size());
        src.append("        // ").append(JavaText.comment(JavaExport.outputTitle(spec, out))).append('\n');
        src.append("        builder.addLayer(").append(JavaText.string(OutputSpec.NAME))
                .append(", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)\n")
                .append("                .nIn(").append(out.inputShape().size()).append(")\n")
                .append("                .nOut(").append(spec.output().classes()).append(")\n")
                .append("                .activation(Activation.SOFTMAX)\n")
                .append("                .weightInit(WeightInit.XAVIER)\n")
                .append("                .build(), ").append(JavaText.string(previous)).append(");\n");
        src.append("        return builder.setOutputs(").append(JavaText.string(OutputSpec.NAME)).append(").build();\n")
                .append("    }\n");
        src.append(schedule.method());
        src.append("\n    /** Builds the network from the Keras file named first; prints its layers and parameters. */\n")
                .append("    public static void main(String[] args) throws Exception {\n")
                .append("        if (args.length == 0) {\n")
                .append("            System.err.println(\"usage: java ").append(JavaExport.simpleName(className))
                .append(" PATH/TO/\" + BACKBONE_FILE")
                .append(schedule.perIteration() ? " + \" [MINIBATCHES_PER_EPOCH]\"" : "").append(");\n")
                .append("            System.exit(2);\n        }\n");
        if (schedule.perIteration()) {
            src.append("        int iterationsPerEpoch = args.length > 1 ? Integer.parseInt(args[1]) : 1;\n")
                    .append("        ComputationGraph net = network(Path.of(args[0]), iterationsPerEpoch);\n");
        } else {
            src.append("        ComputationGraph net = network(Path.of(args[0]));\n");
        }
        src.append("        System.out.println(net.summary());\n    }\n}\n");
        return src.toString();
    }

    private static Set<String> imports(NetworkSpec spec, ScheduleCode schedule) {
        Set<String> names = new TreeSet<>(List.of("java.io.IOException", "java.nio.file.Path", "java.util.List",
                "org.deeplearning4j.nn.conf.dropout.Dropout", "org.deeplearning4j.nn.conf.graph.GraphVertex",
                "org.deeplearning4j.nn.conf.graph.LayerVertex", "org.deeplearning4j.nn.conf.layers.OutputLayer",
                "org.deeplearning4j.nn.graph.ComputationGraph",
                "org.deeplearning4j.nn.modelimport.keras.KerasModelImport",
                "org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException",
                "org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException",
                "org.deeplearning4j.nn.transferlearning.FineTuneConfiguration",
                "org.deeplearning4j.nn.transferlearning.TransferLearning", "org.deeplearning4j.nn.weights.WeightInit",
                "org.nd4j.linalg.activations.Activation", "org.nd4j.linalg.lossfunctions.LossFunctions"));
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof DenseSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.DenseLayer");
            } else if (layer instanceof DropoutSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.DropoutLayer");
            } else if (layer instanceof BatchNormSpec) {
                names.add("org.deeplearning4j.nn.conf.layers.BatchNormalization");
            } else {
                // The analysis refuses image layers after a backbone cut at a feature vector.
                throw new IllegalArgumentException("layer '" + layer.name() + "': a " + layer.type()
                        + " after a pretrained backbone cannot be exported");
            }
        }
        names.addAll(JavaExport.updaterImports(schedule));
        return names;
    }
}
