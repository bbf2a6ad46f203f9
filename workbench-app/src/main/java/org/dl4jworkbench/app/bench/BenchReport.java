package org.dl4jworkbench.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dl4jworkbench.app.charts.Chart;
import org.dl4jworkbench.app.charts.ChartWriter;
import org.dl4jworkbench.app.charts.Palette;
import org.dl4jworkbench.app.charts.Panel;
import org.dl4jworkbench.app.charts.Series;

/**
 * The figures of {@link BenchTrainingCommand}: the JSON values in the order measured, a
 * markdown table of them beside the targets, and a PNG with the throughput per epoch
 * and the accuracy run's validation accuracy over training time.
 */
final class BenchReport {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private List<Double> lenetEpochs = List.of();
    private List<Double> cifarEpochs = List.of();
    private List<TemplateThroughput.Row> templates = List.of();
    private List<double[]> accuracyCurve = List.of();
    private double testAccuracy = Double.NaN;

    /** The JSON line's values, filled by the command. */
    Map<String, Object> values() {
        return values;
    }

    void lenetEpochs(List<Double> rates) {
        lenetEpochs = List.copyOf(rates);
    }

    void cifarEpochs(List<Double> rates) {
        cifarEpochs = List.copyOf(rates);
    }

    /** The templates part's rows: in the JSON line as a list, in the table as a second table. */
    void templates(List<TemplateThroughput.Row> rows) {
        templates = List.copyOf(rows);
        values.put("templates", TemplateThroughput.json(rows));
    }

    /** Pairs of (training seconds, validation accuracy) after each epoch, and the final test accuracy. */
    void accuracyCurve(List<double[]> curve, double testAccuracy) {
        accuracyCurve = List.copyOf(curve);
        this.testAccuracy = testAccuracy;
    }

    void writeTable(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| measure | value | target |");
        rows.add("| --- | ---: | --- |");
        row(rows, "LeNet training, median of epochs after a warm-up", "lenet_images_per_second", "images/s",
                "at least PyTorch's (scripts/bench-vs-pytorch.sh)");
        row(rows, "LeNet minibatch", "lenet_batch", "", "");
        row(rows, "LeNet template on full MNIST: epochs", "mnist_epochs", "", "");
        row(rows, "LeNet template: training time", "mnist_training_seconds", "s", "");
        row(rows, "LeNet template: test accuracy", "mnist_test_accuracy", "", "");
        row(rows, "Time to 99.0% test accuracy", "time_to_99_seconds", "s", "at most 60 s");
        row(rows, "cifar10-cnn training on generated 32x32x3 images", "cifar10_cnn_images_per_second",
                "images/s", "");
        row(rows, "Prediction of one image after load, median", "predict_median_ms", "ms", "under 20 ms");
        row(rows, "Prediction, 95th percentile", "predict_p95_ms", "ms", "");
        row(rows, "IDX decoding", "idx_decode_images_per_second", "images/s", "");
        row(rows, "JPEG folder decoding to 128x128x3, all cores", "folder_decode_images_per_second", "images/s", "");
        row(rows, "Minibatch preparation (normalize, one-hot, off-heap copy)", "batch_prepare_images_per_second",
                "images/s", "");
        row(rows, "Peak resident memory after the full-MNIST LeNet run", "lenet_peak_rss_mb", "MB", "at most 1,536 MB");
        row(rows, "Peak resident memory of the whole benchmark", "peak_rss_mb", "MB", "");
        if (rows.size() == 2) {
            rows.clear(); // only the templates part ran
        } else {
            rows.add("");
        }
        if (!templates.isEmpty()) {
            rows.add("| template | data | input | batch | images per epoch | training images/s, median after a "
                    + "warm-up epoch | epochs after the warm-up |");
            rows.add("| --- | --- | --- | ---: | ---: | ---: | --- |");
            for (TemplateThroughput.Row t : templates) {
                rows.add(String.format(Locale.ROOT, "| %s | %s%s | %s | %d | %,d | %,.1f | %s |", t.template(),
                        t.dataset(), t.augmentation() ? ", augmented" : "", t.input(), t.batch(), t.imagesPerEpoch(),
                        t.imagesPerSecond(), t.epochRates()));
            }
            rows.add("");
        }
        rows.add(String.format(Locale.ROOT, "Backend %s, oneDNN layer helpers %s, %s cores; load average %s before, "
                        + "%s after.", values.get("backend"), values.get("onednn_helpers"), values.get("cores"),
                values.get("load_before"), values.get("load_after")));
        Files.writeString(file, String.join("\n", rows) + "\n");
    }

    private void row(List<String> rows, String label, String key, String unit, String target) {
        if (!values.containsKey(key)) {
            return;
        }
        Object v = values.get(key);
        String text = v == null ? "not reached" : v instanceof Number n && n.doubleValue() >= 10_000
                ? String.format(Locale.ROOT, "%,.0f", n.doubleValue()) : String.valueOf(v);
        rows.add("| " + label + " | " + text + (unit.isEmpty() || v == null ? "" : " " + unit) + " | " + target
                + " |");
    }

    void writePlot(Path file) throws IOException {
        List<Series> speed = new ArrayList<>();
        speed.add(epochSeries("LeNet", lenetEpochs, Palette.BLUE));
        speed.add(epochSeries("cifar10-cnn", cifarEpochs, Palette.VERMILLION));
        var speedPanel = new Panel("Training throughput", "epoch after the warm-up", "images/s", speed, List.of(),
                false, true, true, "no throughput measured");
        double[] x = accuracyCurve.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = accuracyCurve.stream().mapToDouble(p -> p[1]).toArray();
        double end = x.length == 0 ? 60 : Math.max(60, x[x.length - 1]);
        var accuracy = new Panel("LeNet template on MNIST", "training seconds", "accuracy",
                List.of(new Series("validation accuracy", x, y, Palette.GREEN, Series.Style.LINE_WITH_POINTS),
                        new Series("test accuracy after the run", x.length == 0 ? new double[0]
                                : new double[] {x[x.length - 1]}, x.length == 0 ? new double[0]
                                : new double[] {testAccuracy}, Palette.PURPLE, Series.Style.POINTS),
                        new Series("99% target", new double[] {0, end}, new double[] {0.99, 0.99}, Palette.BLACK,
                                Series.Style.LINE, true)),
                List.of(60.0), true, false, true, "no accuracy run");
        String subtitle = String.format(Locale.ROOT, "%s; LeNet %s images/s, cifar10-cnn %s images/s",
                values.get("backend"), values.getOrDefault("lenet_images_per_second", "-"),
                values.getOrDefault("cifar10_cnn_images_per_second", "-"));
        ChartWriter.writePng(new Chart("Training benchmark", subtitle, List.of(), List.of(speedPanel, accuracy),
                1000, 420), file);
    }

    private static Series epochSeries(String label, List<Double> rates, java.awt.Color color) {
        double[] x = new double[rates.size()];
        double[] y = new double[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            x[i] = i + 1;
            y[i] = rates.get(i);
        }
        return new Series(label, x, y, color, Series.Style.LINE_WITH_POINTS);
    }
}
