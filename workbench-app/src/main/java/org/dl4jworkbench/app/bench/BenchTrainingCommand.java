package org.dl4jworkbench.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.OneDnnHelpers;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench training}: the figures of issue 8 in one run. LeNet training
 * throughput on an IDX dataset (median of the epochs after a warm-up epoch), the time the
 * LeNet template's own settings take to reach 99% test accuracy, the cifar10-cnn template's
 * throughput on generated CIFAR-shaped images, single-image prediction latency of the LeNet
 * just trained, IDX decoding and minibatch preparation speed, peak resident memory, and on
 * request ({@code --parts templates}) every template's own network and minibatch on the given
 * data (issue 13, {@link TemplateThroughput}; scripts/bench-templates-vs-pytorch.sh runs each
 * against its PyTorch peer).
 * Prints one JSON line; writes a markdown table and a PNG (see {@link BenchReport}).
 */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = {"Training speed, time to 99%% on MNIST, CIFAR-shaped throughput, prediction latency, "
                + "decoding speed and peak memory. Prints one JSON line, writes a markdown table and a plot.",
            "Nothing here is part of the tests; scripts/bench-vs-pytorch.sh compares with PyTorch, "
                + "scripts/bench-templates-vs-pytorch.sh every template."})
final class BenchTrainingCommand implements Callable<Integer> {

    static final double TARGET_ACCURACY = 0.99;

    static final List<String> PARTS = List.of("decode", "lenet", "accuracy", "cifar", "predict", "templates");

    @Option(names = "--dataset", paramLabel = "SPEC", defaultValue = "idx:.cache/mnist",
            description = "MNIST-shaped IDX dataset (default: ${DEFAULT-VALUE}); for the templates part any "
                    + "dataset, image folders decoded to each template's input.")
    String dataset;

    @Option(names = "--parts", split = ",", paramLabel = "PART",
            defaultValue = "decode,lenet,accuracy,cifar,predict",
            description = "What to measure, of decode, lenet, accuracy, cifar, predict, templates (predict times the "
                    + "model the lenet part trains; templates trains each of --templates; default: ${DEFAULT-VALUE}).")
    List<String> parts;

    @Option(names = "--templates", split = ",", paramLabel = "ID",
            description = "Templates of the templates part (default: every one but the transfer template, which "
                    + "`bench transfer` measures). Where --dataset cannot give a template's input, it trains on "
                    + "generated images of that shape (--limit of them, else 2,000).")
    List<String> templates;

    @Option(names = "--augmentation",
            description = "The templates part keeps each template's augmentation (default: off, as the PyTorch "
                    + "peers train).")
    boolean augmentation;

    @Option(names = "--epochs", defaultValue = "3",
            description = "Throughput epochs (LeNet, templates), the first a warm-up (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Training images per throughput epoch; 0: all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--batch", defaultValue = "0",
            description = "Minibatch of the throughput runs; 0: the template's (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--accuracy-epochs", defaultValue = "0",
            description = "Epochs of the time-to-99%% run with the LeNet template's settings; 0: the template's "
                    + "(default: ${DEFAULT-VALUE}).")
    int accuracyEpochs;

    @Option(names = "--cifar-images", defaultValue = "5000",
            description = "Generated 32x32x3 images per cifar10-cnn epoch (default: ${DEFAULT-VALUE}).")
    int cifarImages;

    @Option(names = "--folder-images", defaultValue = "1000", paramLabel = "N",
            description = "Photo-sized JPEGs (generated once) decoded to 128x128x3 as a folder dataset; 0: skip "
                    + "(default: ${DEFAULT-VALUE}; `bench decode` measures the decode cache at scale).")
    int folderImages;

    @Option(names = "--table", paramLabel = "FILE", defaultValue = "bench-results/training.md",
            description = "Markdown table to write (default: ${DEFAULT-VALUE}).")
    Path table;

    @Option(names = "--plot", paramLabel = "FILE", defaultValue = "bench-results/training.png",
            description = "PNG plot to write (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Spec
    CommandSpec command;

    /** The LeNet model the lenet part saved, for the predict part. */
    private Path model;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        List<String> unknown = parts.stream().filter(p -> !PARTS.contains(p)).toList();
        List<String> wanted = templates == null ? TemplateThroughput.trainable() : templates;
        if (!unknown.isEmpty() || !TemplateThroughput.unknown(wanted).isEmpty() || epochs < 1) {
            err.println("error: --parts takes " + String.join(", ", PARTS) + (unknown.isEmpty() ? ""
                    : " (found " + String.join(", ", unknown) + ")") + "; --templates takes "
                    + String.join(", ", TemplateThroughput.trainable()) + (TemplateThroughput.unknown(wanted).isEmpty()
                    ? "" : " (found " + String.join(", ", TemplateThroughput.unknown(wanted)) + ")")
                    + "; --epochs at least 1");
            return WorkbenchCommand.BAD_INPUT;
        }
        var report = new BenchReport();
        Map<String, Object> r = report.values();
        r.put("load_before", loadAverage());
        Backend backend;
        try {
            backend = Backend.load();
        } catch (BackendUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        r.put("backend", backend.toString());
        r.put("onednn_helpers", OneDnnHelpers.available());
        r.put("native", nativeBuild());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        err.println("Backend: " + backend + (OneDnnHelpers.available() ? ", oneDNN layer helpers" : ""));

        if (parts.stream().anyMatch(List.of("decode", "lenet", "accuracy")::contains)) {
            long t0 = System.nanoTime();
            Dataset mnist;
            try {
                mnist = Datasets.open(dataset);
            } catch (IOException | InvalidDataException e) {
                err.println(cannotOpen(e));
                return WorkbenchCommand.BAD_INPUT;
            }
            mnistParts(mnist, (System.nanoTime() - t0) / 1e9, report, err);
        }
        if (parts.contains("cifar")) {
            NetworkSpec cifar = Templates.find("cifar10-cnn").orElseThrow().spec();
            cifar = cifar.withTraining(cifar.training().withEpochs(2)).withData(cifar.data().withValidationSplit(0));
            var run = throughput(cifar, cifarShaped(cifarImages), err, "cifar10-cnn");
            r.put("cifar10_cnn_batch", cifar.training().batchSize());
            r.put("cifar10_cnn_images_per_second", round(median(run.rates())));
            report.cifarEpochs(run.rates());
        }
        if (parts.contains("predict") && model != null) {
            var out = new StringWriter();
            int code = PredictionBenchmark.run(model, null, 100, 500, 3, new PrintWriter(out, true), err);
            if (code == 0) {
                JsonNode p = Json.mapper().readTree(out.toString());
                r.put("predict_median_ms", p.get("median_ms").asDouble());
                r.put("predict_p95_ms", p.get("p95_ms").asDouble());
                r.put("model_load_ms", p.get("load_ms").asDouble());
            }
        }
        if (parts.contains("templates")) {
            var bench = new TemplateThroughput(dataset, epochs, limit, batch, augmentation, err);
            List<TemplateThroughput.Row> rows = new ArrayList<>();
            for (String id : wanted) {
                try {
                    rows.add(bench.measure(id));
                } catch (IOException | InvalidDataException e) {
                    err.println(cannotOpen(e));
                    return WorkbenchCommand.BAD_INPUT;
                }
            }
            report.templates(rows);
        }
        r.put("peak_rss_mb", peakRssMb());
        r.put("load_after", loadAverage());
        for (Path file : List.of(table, plot)) {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        }
        report.writeTable(table);
        report.writePlot(plot);
        err.println("Table: " + table + ", plot: " + plot);
        command.commandLine().getOut().println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(r));
        return 0;
    }

    private String cannotOpen(Exception e) {
        return "error: cannot open " + dataset + ": " + e.getMessage().replaceAll("\\.$", "")
                + ". Full MNIST: scripts/fetch-mnist.sh .cache/mnist, or --dataset mnist-mini for the embedded "
                + "subset; a photo folder: --dataset folder:DIR";
    }

    /** The parts measured on the MNIST-shaped --dataset: decode, lenet (which saves {@link #model}), accuracy. */
    private void mnistParts(Dataset mnist, double openSeconds, BenchReport report, PrintWriter err)
            throws Exception {
        Map<String, Object> r = report.values();
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        int lenetBatch = batch > 0 ? batch : lenet.training().batchSize();
        if (parts.contains("decode")) {
            int count = mnist.train().size() + mnist.test().size();
            r.put("idx_decode_images_per_second", Math.round(count / openSeconds));
            r.put("batch_prepare_images_per_second", Math.round(prepareRate(mnist.train(), lenetBatch)));
            err.printf(Locale.ROOT, "decode: %,d IDX images in %.2f s; minibatches prepared at %,d images/s%n",
                    count, openSeconds, r.get("batch_prepare_images_per_second"));
            if (folderImages > 0) {
                r.put("folder_decode_images_per_second", Math.round(folderDecodeRate(folderImages, err)));
            }
        }
        if (parts.contains("lenet")) {
            ImageSet train = limit > 0 ? mnist.train().head(limit) : mnist.train();
            NetworkSpec spec = lenet.withTraining(lenet.training().withEpochs(epochs).withBatchSize(lenetBatch))
                    .withData(lenet.data().withValidationSplit(0));
            var run = throughput(spec, new Dataset(mnist.name(), train, mnist.test()), err, "lenet");
            report.lenetEpochs(run.rates());
            r.put("lenet_batch", lenetBatch);
            r.put("lenet_images_per_epoch", train.size());
            r.put("lenet_images_per_second", round(median(run.rates())));
            r.put("lenet_epoch_images_per_second", run.rates());
            r.put("lenet_test_accuracy", round4(run.result().test().accuracy()));
            r.put("lenet_peak_rss_mb", peakRssMb());
            model = Files.createTempFile("workbench-bench-", ".zip");
            model.toFile().deleteOnExit();
            save(run.result(), spec, mnist, model);
        }
        if (parts.contains("accuracy")) {
            timeToAccuracy(lenet, mnist, report, err);
        }
    }

    record Run(TrainingResult result, List<Double> rates) {
    }

    /** Trains {@code spec}; the rates of the epochs after the first. */
    static Run throughput(NetworkSpec spec, Dataset data, PrintWriter err, String label) throws IOException {
        List<Double> all = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent e) {
                all.add(round(e.imagesPerSecond()));
                err.printf(Locale.ROOT, "%s: epoch %d/%d %,.1f images/s%s (load %s)%n", label, e.epoch(),
                        e.epochs(), e.imagesPerSecond(), e.epoch() == 1 ? " (warm-up)" : "", loadAverage());
            }
        };
        TrainingResult result = new Trainer(spec, data).train(listener);
        List<Double> rates = all.size() > 1 ? all.subList(1, all.size()) : all;
        return new Run(result, List.copyOf(rates));
    }

    /** The LeNet template as a user gets it, on the full dataset: training seconds and test accuracy per epoch. */
    private void timeToAccuracy(NetworkSpec lenet, Dataset mnist, BenchReport report, PrintWriter err)
            throws IOException {
        int n = accuracyEpochs > 0 ? accuracyEpochs : lenet.training().epochs();
        NetworkSpec spec = lenet.withTraining(lenet.training().withEpochs(n));
        List<double[]> curve = new ArrayList<>(); // training seconds, validation accuracy
        double[] seconds = {0};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent e) {
                seconds[0] += e.duration().toNanos() / 1e9;
                curve.add(new double[] {seconds[0], e.validationAccuracy()});
                err.printf(Locale.ROOT, "accuracy run: epoch %d/%d after %.1f s of training: validation %.2f%% "
                        + "(load %s)%n", e.epoch(), e.epochs(), seconds[0], e.validationAccuracy() * 100,
                        loadAverage());
            }
        };
        TrainingResult result = new Trainer(spec, mnist).train(listener);
        double accuracy = result.test().accuracy();
        Map<String, Object> r = report.values();
        r.put("mnist_epochs", n);
        r.put("mnist_batch", spec.training().batchSize());
        r.put("mnist_training_seconds", round(seconds[0]));
        r.put("mnist_test_accuracy", round4(accuracy));
        r.put("time_to_99_seconds", accuracy >= TARGET_ACCURACY ? round(seconds[0]) : null);
        report.accuracyCurve(curve, accuracy);
        err.printf(Locale.ROOT, "accuracy run: test accuracy %.2f%% after %.1f s of training (%d epochs)%n",
                accuracy * 100, seconds[0], n);
    }

    /** JPEG folder decoding on every core, as `bench decode` measures it, without the cache's second open. */
    private static double folderDecodeRate(int images, PrintWriter err) throws Exception {
        Path folder = WorkbenchDirs.cache().resolve("bench-images-" + images);
        BenchDecodeCommand.generate(folder, images, err);
        Path cache = Files.createTempDirectory("workbench-bench-cache");
        try {
            long t = System.nanoTime();
            Dataset decoded = Datasets.open("folder:" + folder, DatasetOptions.defaults().withCacheDir(cache)
                    .withSize(128, 128, 3));
            double rate = (decoded.train().size() + decoded.test().size()) / ((System.nanoTime() - t) / 1e9);
            err.printf(Locale.ROOT, "decode: %,d JPEGs to 128x128x3 at %,.0f images/s%n", images, rate);
            return rate;
        } finally {
            try (var files = Files.walk(cache)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Minibatches built (normalized, one-hot, copied off-heap) per second on this thread. */
    private static double prepareRate(ImageSet train, int batchSize) {
        int[] order = Batches.identity(train.size());
        Normalizer scale = Normalizer.scale();
        long t = System.nanoTime();
        long images = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            Batches.batch(train, order, from, to, scale);
            images += to - from;
        }
        return images / ((System.nanoTime() - t) / 1e9);
    }

    /** Random 32x32x3 images in ten classes: the speed of a network does not depend on what it sees. */
    static Dataset cifarShaped(int images) {
        return TemplateThroughput.generated(images, new InputSpec(32, 32, 3), 10);
    }

    private static void save(TrainingResult result, NetworkSpec spec, Dataset data, Path file) throws IOException {
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "workbench", "1.0.0-M2.1",
                Instant.now().toString(), data.classNames(), spec.input().height(), spec.input().width(),
                spec.input().channels(), result.normalizer(), data.name(), result.epochsCompleted(),
                result.test().accuracy(), SpecJson.toTree(spec));
        ModelFiles.save(result.network(), metadata, file);
    }

    /** The classifier of the ND4J native jar on the class path, such as linux-x86_64-onednn-avx512. */
    static String nativeBuild() {
        var m = java.util.regex.Pattern.compile("nd4j-native-\\d[^/\\\\]*?-((?:linux|macosx|windows)-[\\w-]+)\\.jar")
                .matcher(System.getProperty("java.class.path", ""));
        return m.find() ? m.group(1) : "unknown";
    }

    /** Peak resident memory of this process (VmHWM), in MB; -1 where /proc is not there. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
