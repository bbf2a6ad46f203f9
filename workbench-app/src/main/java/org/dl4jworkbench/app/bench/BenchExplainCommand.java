package org.dl4jworkbench.app.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.compile.TransferCompiler;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.explain.ExplainMethod;
import org.dl4jworkbench.core.explain.Explainer;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench explain}: how long a heat map takes next to a prediction of the same
 * image (issue 14's target: about three predictions' time). Both start from a decoded image;
 * the map's time includes its own forward pass, the backward pass and the upsampling. The
 * weights do not change the time, so a template's untrained network serves as well as a
 * trained one.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Times predictions, Grad-CAM maps and saliency maps of one generated image and prints one JSON "
                + "line per network.")
final class BenchExplainCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", description = "A model.zip to time.")
    List<java.nio.file.Path> models = List.of();

    @Option(names = "--template", paramLabel = "NAME", description = "A template's network, untrained (lenet, "
            + "mobilenet-transfer: the latter needs MobileNet installed in the data folder).")
    List<String> templates = List.of();

    @Option(names = "--pretrained", paramLabel = "ID", description = "A pretrained network as it is (mobilenet-v1-0.75).")
    List<String> pretrained = List.of();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "Timed runs of each (default: "
            + "${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "Untimed runs first (default: "
            + "${DEFAULT-VALUE}).")
    int warmup;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        var out = command.commandLine().getOut();
        if (runs < 1 || warmup < 0 || models.size() + templates.size() + pretrained.size() == 0) {
            command.commandLine().getErr().println("error: name at least one --model, --template or --pretrained, "
                    + "with --runs at least 1");
            return WorkbenchCommand.BAD_INPUT;
        }
        var backend = Backend.load();
        for (var file : models) {
            out.println(time(file.toString(), ModelFiles.load(file), backend.toString()));
        }
        for (String name : templates) {
            out.println(time("template " + name, template(name), backend.toString()));
        }
        for (String id : pretrained) {
            out.println(time("pretrained " + id, Pretrained.model(id, WorkbenchDirs.data()), backend.toString()));
        }
        out.flush();
        return 0;
    }

    private static LoadedModel template(String name) throws Exception {
        NetworkSpec spec = Templates.find(name).orElseThrow(() -> new IllegalArgumentException("no template " + name))
                .spec();
        Network network;
        if (spec.hasBackbone()) {
            network = Network.of(TransferCompiler.compile(spec, Pretrained.load(spec.backbone().model(),
                    WorkbenchDirs.data()), 1));
        } else {
            var net = new MultiLayerNetwork(SpecCompiler.compile(spec));
            net.init();
            network = Network.of(net);
        }
        var in = spec.input();
        List<String> classes = java.util.stream.IntStream.range(0, spec.output().classes()).mapToObj(String::valueOf)
                .toList();
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "bench", "1.0.0-M2.1", Instant.now().toString(),
                classes, in.height(), in.width(), in.channels(), new Normalizer(Normalizer.SYMMETRIC, null, null),
                "none", 0, Double.NaN, SpecJson.toTree(spec));
        return new LoadedModel(network, metadata, spec, Duration.ZERO);
    }

    private String time(String what, LoadedModel model, String backend) throws Exception {
        var in = model.input();
        DecodedImage image = generated(in.width() * 2, in.height() * 2, in.channels());
        var predictor = new Predictor(model);
        var explainer = new Explainer(model);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("network", what);
        r.put("input", in.toString());
        r.put("parameters", model.network().parameterCount());
        r.put("backend", backend);
        r.put("runs", runs);
        double predict = median(() -> predictor.predict(image, 3));
        r.put("predict_median_ms", round(predict));
        if (explainer.defaultLayer().isPresent()) {
            r.put("gradcam_layer", explainer.defaultLayer().get());
            double gradCam = median(() -> explainer.explain(image, ExplainMethod.GRAD_CAM, null, null));
            r.put("gradcam_median_ms", round(gradCam));
            r.put("gradcam_per_prediction", round(gradCam / predict));
        }
        double saliency = median(() -> explainer.explain(image, ExplainMethod.SALIENCY, null, null));
        r.put("saliency_median_ms", round(saliency));
        r.put("saliency_per_prediction", round(saliency / predict));
        return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r);
    }

    private double median(Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return PredictionBenchmark.percentile(ms, 50);
    }

    /** A smooth picture twice the input's size (so the prediction's resize is timed too). */
    private static DecodedImage generated(int w, int h, int c) {
        byte[] pixels = new byte[w * h * c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    pixels[(y * w + x) * c + k] = (byte) ((x * 255 / w + y * 97 / h + k * 60) & 0xff);
                }
            }
        }
        return new DecodedImage("generated", w, h, c, pixels);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
