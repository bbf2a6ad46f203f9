package org.dl4jworkbench.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of {@link BenchTransferCommand} as a markdown table beside issue 12's targets. */
final class TransferTable {

    private TransferTable() {
    }

    static String of(Map<String, Object> v) {
        List<String> rows = new ArrayList<>();
        rows.add("| measure | value | target |");
        rows.add("| --- | ---: | --- |");
        row(rows, v, "Whole run (decode, features, epochs, test), wall clock", "total_seconds", "s",
                "at most 180 s on 2 cores");
        row(rows, v, "Test accuracy of that run", "test_accuracy", "", "at least 0.90 on real photos");
        row(rows, v, "Decoding the photos to 224x224x3 (empty decode cache)", "decode_seconds", "s", "");
        row(rows, v, "Decoding rate", "decode_images_per_second", "images/s", "");
        row(rows, v, "Backbone features, cold: images (training, validation, test)", "feature_images", "", "");
        row(rows, v, "Backbone features, cold: time", "features_cold_seconds", "s", "");
        row(rows, v, "Backbone features, cold: rate", "features_cold_images_per_second", "images/s", "");
        row(rows, v, "Start to first minibatch, cold (Keras import, features)", "cold_seconds_to_first_minibatch",
                "s", "");
        row(rows, v, "Start to first minibatch, features cached", "warm_seconds_to_first_minibatch", "s", "");
        row(rows, v, "One epoch on cached features, median", "epoch_seconds_median", "s", "seconds");
        row(rows, v, "Training on cached features", "cached_epoch_images_per_second", "images/s", "");
        row(rows, v, "Backbone per minibatch, flip augmentation, frozen", "augment_images_per_second", "images/s",
                "");
        row(rows, v, "Backbone per minibatch, fine-tuning from " + BenchTransferCommand.FINE_TUNE_FROM,
                "finetune_images_per_second", "images/s", "");
        row(rows, v, "Prediction of one photo after load, median", "predict_median_ms", "ms", "at most 150 ms");
        row(rows, v, "Prediction, 90th percentile", "predict_p90_ms", "ms", "");
        row(rows, v, "Prediction, network alone, median", "predict_network_median_ms", "ms", "");
        row(rows, v, "Peak resident memory after the whole run", "total_peak_rss_mb", "MB", "");
        row(rows, v, "Peak resident memory of the benchmark", "peak_rss_mb", "MB", "");
        rows.add("");
        rows.add(String.format(Locale.ROOT, "%s, %s photos (%s training, %s test); backend %s, oneDNN layer helpers "
                        + "%s, %s cores; load average %s before, %s after.", v.get("dataset"),
                number(v.get("train_images")) + number(v.get("test_images")), v.get("train_images"),
                v.get("test_images"), v.get("backend"), v.get("onednn_helpers"), v.get("cores"), v.get("load_before"),
                v.get("load_after")));
        return String.join("\n", rows) + "\n";
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static void row(List<String> rows, Map<String, Object> v, String label, String key, String unit,
                            String target) {
        if (!v.containsKey(key)) {
            return;
        }
        Object value = v.get(key);
        String text = value instanceof Number n && n.doubleValue() >= 10_000
                ? String.format(Locale.ROOT, "%,.0f", n.doubleValue()) : String.valueOf(value);
        rows.add("| " + label + " | " + text + (unit.isEmpty() ? "" : " " + unit) + " | " + target + " |");
    }
}
