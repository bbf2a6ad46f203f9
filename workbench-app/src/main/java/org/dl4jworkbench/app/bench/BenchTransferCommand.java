package org.dl4jworkbench.app.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.data.image.DecodedImage;
import org.dl4jworkbench.core.data.image.ImageDecodeException;
import org.dl4jworkbench.core.data.image.ImageDecoder;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.BackboneLoader;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.OneDnnHelpers;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingResult;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench transfer}: the speed of the mobilenet-transfer template (issue 12).
 * The whole run as {@code train --template mobilenet-transfer} does it (decode from an empty
 * decode cache, the frozen backbone's features from an empty feature cache, the template's
 * epochs on the cached features, the test evaluation), the same run again with the features
 * cached, the backbone per minibatch with flip augmentation and with fine-tuning from
 * block12 on a few images, and the latency of one photo with the trained model. Decode and
 * feature caches live in a temporary folder, deleted at the end. Prints a markdown table and,
 * last, one JSON line.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Transfer learning (mobilenet-transfer): feature computation cold and cached, seconds per "
                + "epoch on cached features, per-minibatch training with augmentation and with fine-tuning, "
                + "prediction latency, the whole run's time and peak memory.",
            "Prints a markdown table and one JSON line; scripts/bench-transfer-vs-pytorch.sh compares with PyTorch."})
final class BenchTransferCommand implements Callable<Integer> {

    static final List<String> PARTS = List.of("total", "warm", "augment", "finetune", "predict");
    static final String FINE_TUNE_FROM = "block12";

    @Option(names = "--dataset", paramLabel = "SPEC",
            description = "A photo folder (folder:DIR, train/<class> and test/<class>, or one folder per class); "
                    + "default: 1,000 generated photo-sized JPEGs in two classes (speed only: their accuracy means "
                    + "nothing).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder with MobileNet installed (default: the workbench's, WORKBENCH_DATA).")
    Path dataRoot;

    @Option(names = "--parts", split = ",", paramLabel = "PART", defaultValue = "total,warm,augment,finetune,predict",
            description = "What to measure, of ${DEFAULT-VALUE} (warm and predict need total).")
    List<String> parts;

    @Option(names = "--epochs", defaultValue = "0",
            description = "Epochs of the whole run; 0: the template's (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--images", defaultValue = "128", paramLabel = "N",
            description = "Training images of the per-minibatch runs (augmentation, fine-tuning), two epochs each, "
                    + "the first a warm-up (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--runs", defaultValue = "30", paramLabel = "N",
            description = "Timed single-photo predictions (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N",
            description = "Untimed predictions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--photo", paramLabel = "FILE",
            description = "The photo to predict (default: a generated 500x375 JPEG).")
    Path photo;

    @Option(names = "--table", paramLabel = "FILE", defaultValue = "bench-results/transfer.md",
            description = "Markdown table to write as well (default: ${DEFAULT-VALUE}).")
    Path table;

    @Spec
    CommandSpec command;

    private final Map<String, Object> r = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        List<String> unknown = parts.stream().filter(p -> !PARTS.contains(p)).toList();
        if (!unknown.isEmpty() || images < 1 || runs < 1 || warmup < 0 || epochs < 0) {
            err.println("error: --parts takes " + String.join(", ", PARTS) + (unknown.isEmpty() ? ""
                    : " (found " + String.join(", ", unknown) + ")") + "; --images and --runs at least 1, --warmup "
                    + "and --epochs at least 0");
            return WorkbenchCommand.BAD_INPUT;
        }
        Path root = dataRoot != null ? dataRoot : WorkbenchDirs.data();
        try {
            PretrainedCatalog.installedModel(PretrainedCatalog.MOBILENET_V1_075, root);
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage() + ". Or give --data DIR, a data folder where it is installed");
            return WorkbenchCommand.BAD_INPUT;
        }
        r.put("load_before", BenchTrainingCommand.loadAverage());
        Backend backend;
        try {
            backend = Backend.load();
        } catch (BackendUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        r.put("backend", backend.toString());
        r.put("onednn_helpers", OneDnnHelpers.available());
        r.put("native", BenchTrainingCommand.nativeBuild());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        String source = dataset;
        if (source == null) {
            Path folder = WorkbenchDirs.cache().resolve("bench-images-1000");
            BenchDecodeCommand.generate(folder, 1000, err);
            source = "folder:" + folder;
        }
        r.put("dataset", source);
        Path work = Files.createTempDirectory("workbench-bench-transfer");
        try {
            return measure(source, Pretrained.installedIn(root), work, err);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private int measure(String source, BackboneLoader backbones, Path work, PrintWriter err) throws Exception {
        NetworkSpec template = Templates.find(Templates.TRANSFER).orElseThrow().spec();
        var input = template.input();
        long t0 = System.nanoTime();
        Dataset data;
        try {
            data = Datasets.open(source, DatasetOptions.defaults().withSize(input.height(), input.width(),
                    input.channels()).withCacheDir(work.resolve("decoded")));
        } catch (IOException | InvalidDataException e) {
            err.println("error: cannot open " + source + ": " + e.getMessage().replaceAll("\\.$", "")
                    + ". Give --dataset folder:DIR, a folder of photos with one folder per class");
            return WorkbenchCommand.BAD_INPUT;
        }
        double decodeSeconds = (System.nanoTime() - t0) / 1e9;
        int all = data.train().size() + data.test().size();
        NetworkSpec spec = template.withOutput(new OutputSpec(data.classNames().size()));
        if (epochs > 0) {
            spec = spec.withTraining(spec.training().withEpochs(epochs));
        }
        r.put("train_images", data.train().size());
        r.put("test_images", all - data.train().size());
        r.put("classes", data.classNames().size());
        r.put("decode_seconds", round(decodeSeconds));
        r.put("decode_images_per_second", round(all / decodeSeconds));
        err.printf(Locale.ROOT, "decode: %,d photos to 224x224x3 in %.1f s (load %s)%n", all, decodeSeconds,
                BenchTrainingCommand.loadAverage());

        Path features = work.resolve("cache");
        TrainingResult trained = null;
        if (parts.contains("total")) {
            var cold = new TransferTimer();
            trained = new Trainer(spec, data).withBackbones(backbones, features).train(cold);
            double total = (System.nanoTime() - t0) / 1e9;
            int featureImages = cold.features.total + cold.testFeatures.total;
            double featureSeconds = cold.features.seconds() + cold.testFeatures.seconds();
            r.put("epochs", trained.epochs().size());
            r.put("total_seconds", round(total));
            r.put("test_accuracy", round4(trained.test().accuracy()));
            r.put("feature_images", featureImages);
            r.put("features_cold_seconds", round(featureSeconds));
            r.put("features_cold_images_per_second", round(featureImages / featureSeconds));
            r.put("cold_seconds_to_first_minibatch", round(cold.secondsToFirstMinibatch()));
            r.put("epoch_seconds", cold.epochSeconds().stream().map(BenchTransferCommand::round2).toList());
            r.put("epoch_seconds_median", round2(BenchTrainingCommand.median(cold.epochSeconds())));
            r.put("cached_epoch_images_per_second", round(BenchTrainingCommand.median(cold.epochRates())));
            r.put("total_peak_rss_mb", BenchTrainingCommand.peakRssMb());
            err.printf(Locale.ROOT, "whole run: %.1f s (decode %.1f s, features of %,d images %.1f s at %.1f "
                            + "images/s, %d epochs of %.2f s median), test accuracy %.2f%% (load %s)%n", total,
                    decodeSeconds, featureImages, featureSeconds, featureImages / featureSeconds,
                    trained.epochs().size(), r.get("epoch_seconds_median"), trained.test().accuracy() * 100,
                    BenchTrainingCommand.loadAverage());
        }
        if (parts.contains("warm") && trained != null) {
            var warm = new TransferTimer();
            NetworkSpec once = spec.withTraining(spec.training().withEpochs(1));
            long w = System.nanoTime();
            new Trainer(once, data).withBackbones(backbones, features).train(warm);
            r.put("warm_seconds_to_first_minibatch", round2(warm.secondsToFirstMinibatch()));
            r.put("warm_one_epoch_run_seconds", round2((System.nanoTime() - w) / 1e9));
            err.printf(Locale.ROOT, "cached features: first minibatch after %.2f s (cold: %.1f s) (load %s)%n",
                    warm.secondsToFirstMinibatch(), r.get("cold_seconds_to_first_minibatch"),
                    BenchTrainingCommand.loadAverage());
        }
        Dataset few = few(data, spec.training().batchSize());
        if (parts.contains("augment")) {
            NetworkSpec flip = spec.withData(spec.data().withValidationSplit(0)
                    .withAugmentation(new AugmentationSpec(true, 0, 0, 0)));
            perMinibatch("augment", flip, few, backbones, err);
        }
        if (parts.contains("finetune")) {
            NetworkSpec tune = spec.withBackbone(spec.backbone().withTrainableFrom(FINE_TUNE_FROM))
                    .withData(spec.data().withValidationSplit(0));
            perMinibatch("finetune", tune, few, backbones, err);
        }
        if (parts.contains("predict") && trained != null) {
            predict(trained, spec, data, work, err);
        }
        r.put("peak_rss_mb", BenchTrainingCommand.peakRssMb());
        r.put("load_after", BenchTrainingCommand.loadAverage());
        String markdown = TransferTable.of(r);
        if (table.toAbsolutePath().getParent() != null) {
            Files.createDirectories(table.toAbsolutePath().getParent());
        }
        Files.writeString(table, markdown);
        PrintWriter out = command.commandLine().getOut();
        out.print(markdown);
        out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        return 0;
    }

    /** {@code images} training images spread over the classes, and one minibatch of test images. */
    private Dataset few(Dataset data, int batch) {
        ImageSet train = data.train();
        int n = Math.min(images, train.size());
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = (int) ((long) i * train.size() / n);
        }
        return new Dataset(data.name(), train.subset(positions), data.test().head(batch));
    }

    /**
     * Two epochs with the backbone in every minibatch; the second epoch's rate (the first warms
     * up). False where training failed (the message is among the figures).
     */
    private boolean perMinibatch(String label, NetworkSpec spec, Dataset few, BackboneLoader backbones, PrintWriter err)
            throws IOException {
        var timer = new TransferTimer();
        NetworkSpec two = spec.withTraining(spec.training().withEpochs(2));
        try {
            new Trainer(two, few).withBackbones(backbones, null).train(timer);
        } catch (RuntimeException e) {
            // A failure here is a finding to report beside the other figures, not a reason to lose them.
            r.put(label + "_error", String.valueOf(e.getMessage()));
            err.println(label + ": training failed: " + e.getMessage());
            return false;
        }
        r.remove(label + "_error");
        List<Double> rates = timer.epochRates();
        double rate = rates.get(rates.size() - 1);
        r.put(label + "_images", few.train().size());
        r.put(label + "_images_per_second", round(rate));
        r.put(label + "_epoch_images_per_second", rates.stream().map(BenchTransferCommand::round).toList());
        r.put(label + "_minibatch_ms", Math.round(spec.training().batchSize() / rate * 1000));
        err.printf(Locale.ROOT, "%s: %,d images, %s images/s per epoch (the first a warm-up) (load %s)%n", label,
                few.train().size(), r.get(label + "_epoch_images_per_second"), BenchTrainingCommand.loadAverage());
        return true;
    }

    /** Single-photo predictions with the trained model: decode, resize, normalize, the whole graph. */
    private void predict(TrainingResult trained, NetworkSpec spec, Dataset data, Path work, PrintWriter err)
            throws IOException {
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "workbench", "1.0.0-M2.1",
                Instant.now().toString(), data.classNames(), spec.input().height(), spec.input().width(),
                spec.input().channels(), trained.normalizer(), data.name(), trained.epochsCompleted(),
                trained.test().accuracy(), SpecJson.toTree(spec));
        LoadedModel model = loaded(trained, metadata, work.resolve("model.zip"));
        Path file = photo != null ? photo : generatedPhoto(work.resolve("photo.jpg"));
        DecodedImage first;
        try {
            first = ImageDecoder.decode(file);
        } catch (ImageDecodeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        var timings = PredictionTimer.time(new Predictor(model), file, first, warmup, runs, 3);
        double[] total = timings.total();
        double[] network = timings.network();
        r.put("predict_photo", (photo != null ? photo.toString() : "generated") + " " + first.width() + "x"
                + first.height());
        r.put("predict_runs", runs);
        r.put("predict_median_ms", round(PredictionBenchmark.percentile(total, 50)));
        r.put("predict_p90_ms", round(PredictionBenchmark.percentile(total, 90)));
        r.put("predict_network_median_ms", round(PredictionBenchmark.percentile(network, 50)));
        err.printf(Locale.ROOT, "predict: one photo in %.1f ms median, %.1f ms 90th percentile (network %.1f ms), "
                        + "%d runs, model from %s (load %s)%n", r.get("predict_median_ms"), r.get("predict_p90_ms"),
                r.get("predict_network_median_ms"), runs, r.get("predict_model"), BenchTrainingCommand.loadAverage());
    }

    /** The trained model as {@code predict} gets it: saved and loaded through {@link ModelFiles}. */
    private LoadedModel loaded(TrainingResult trained, ModelMetadata metadata, Path zip) throws IOException {
        ModelFiles.save(trained.network(), metadata, zip);
        r.put("model_bytes", Files.size(zip));
        long t = System.nanoTime();
        LoadedModel model;
        try {
            model = ModelFiles.load(zip);
        } catch (InvalidModelException e) {
            throw new IllegalStateException("the workbench refused the model it saved: " + e.getMessage(), e);
        }
        r.put("model_load_ms", round((System.nanoTime() - t) / 1e6));
        r.put("predict_model", "model.zip via ModelFiles.load");
        return model;
    }

    /** A 500x375 JPEG of coloured shapes, the size of a photo scaled down for the web. */
    private static Path generatedPhoto(Path file) throws IOException {
        var image = new BufferedImage(500, 375, BufferedImage.TYPE_INT_RGB);
        var random = new Random(3);
        var g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new java.awt.Color(random.nextInt(0x1000000)));
            g.fillOval(random.nextInt(500) - 50, random.nextInt(375) - 50, 30 + random.nextInt(200),
                    30 + random.nextInt(200));
        }
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
