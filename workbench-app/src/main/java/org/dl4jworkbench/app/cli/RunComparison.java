package org.dl4jworkbench.app.cli;

import org.dl4jworkbench.core.run.RunEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.run.DatasetDescription;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.PoolingType;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.EpochEvent;

/**
 * Runs side by side: a row per setting (network, training, data) and per result, each value
 * as text, and whether the runs differ there. What a run's files do not say shows as "?".
 */
final class RunComparison {

    static final String UNKNOWN = "?";

    /** A heading (no values) or a row of values, one per run. */
    record Row(String label, List<String> values, boolean heading) {

        boolean differs() {
            return !heading && values.stream().distinct().count() > 1;
        }
    }

    /** What is read from each run once. */
    private record Run(NetworkSpec spec, DatasetDescription dataset, RunEntry entry, EpochEvent bestEpoch) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    private RunComparison(List<RunFolder> folders, List<String> warnings) {
        Instant now = Instant.now();
        for (RunFolder folder : folders) {
            NetworkSpec spec = null;
            try {
                spec = folder.readSpec();
            } catch (Exception e) {
                warnings.add(folder.file(RunFolder.NETWORK) + " cannot be read (" + e.getMessage()
                        + "); its settings show as '" + UNKNOWN + "'");
            }
            DatasetDescription dataset = null;
            try {
                dataset = folder.readDataset();
            } catch (Exception e) {
                // not written yet, or damaged: the dataset rows show '?'
            }
            EpochEvent best = null;
            try {
                for (EpochEvent e : folder.readEpochs()) {
                    if (Double.isFinite(e.validationAccuracy())
                            && (best == null || e.validationAccuracy() > best.validationAccuracy())) {
                        best = e;
                    }
                }
            } catch (Exception e) {
                // no log: the best epoch is unknown
            }
            runs.add(new Run(spec, dataset, RunEntry.read(folder.dir(), now).orElseThrow(), best));
        }
        build();
    }

    /** Compares the runs; problems reading them are added to {@code warnings}. */
    static List<Row> rows(List<RunFolder> folders, List<String> warnings) {
        return new RunComparison(folders, warnings).rows;
    }

    private void build() {
        heading("Network");
        spec("name", NetworkSpec::name);
        spec("input", s -> s.input().toString());
        spec("layers", s -> s.layers().size() + ": " + layers(s.layers()));
        spec("classes", s -> Integer.toString(s.output().classes()));
        spec("parameters", s -> String.format(Locale.ROOT, "%,d", NetworkAnalyzer.analyze(s).totalParameters()));
        heading("Training");
        spec("optimizer", s -> optimizer(s.training()));
        spec("learning rate", s -> number(s.training().learningRate()));
        spec("schedule", s -> s.training().schedule() + (s.training().warmupEpochs() > 0
                ? ", warm-up " + number(s.training().warmupEpochs()) + " epoch(s)" : ""));
        spec("batch size", s -> Integer.toString(s.training().batchSize()));
        spec("epochs", s -> Integer.toString(s.training().epochs()));
        spec("L2", s -> number(s.training().l2()));
        spec("seed", s -> Long.toString(s.training().seed()));
        spec("early stopping", s -> s.training().earlyStopping() == null ? "none"
                : s.training().earlyStopping().metric().id() + ", patience " + s.training().earlyStopping().patience()
                + (s.training().earlyStopping().minDelta() > 0
                        ? ", min delta " + number(s.training().earlyStopping().minDelta()) : ""));
        heading("Data");
        dataset("dataset", d -> d.spec());
        dataset("fingerprint", DatasetDescription::fingerprint);
        dataset("images", d -> String.format(Locale.ROOT, "%,d train, %,d validation, %,d test", d.trainImages(),
                d.validationImages(), d.testImages()));
        spec("validation split", s -> String.format(Locale.ROOT, "%.0f%%", s.data().validationSplit() * 100));
        spec("normalization", s -> s.data().normalization().id());
        spec("augmentation", s -> augmentation(s.data().augmentation()));
        heading("Results");
        result("status", Run::entry, RunEntry::status);
        result("epochs done", Run::entry, e -> Integer.toString(e.epochsCompleted()));
        row("best validation accuracy", runs.stream().map(r -> r.bestEpoch() != null
                ? RunsCommand.percent(r.bestEpoch().validationAccuracy()) + " (epoch " + r.bestEpoch().epoch() + ")"
                : RunsCommand.percent(r.entry().bestValidationAccuracy())).toList());
        result("test accuracy", Run::entry, e -> RunsCommand.percent(e.testAccuracy()));
        result("training time", Run::entry, e -> RunsCommand.duration(e.duration()));
    }

    private void heading(String label) {
        rows.add(new Row(label, List.of(), true));
    }

    private void row(String label, List<String> values) {
        rows.add(new Row(label, values, false));
    }

    private void spec(String label, Function<NetworkSpec, String> value) {
        row(label, runs.stream().map(r -> r.spec() == null ? UNKNOWN : value.apply(r.spec())).toList());
    }

    private void dataset(String label, Function<DatasetDescription, String> value) {
        row(label, runs.stream().map(r -> r.dataset() == null || value.apply(r.dataset()) == null ? UNKNOWN
                : value.apply(r.dataset())).toList());
    }

    private <T> void result(String label, Function<Run, T> part, Function<T, String> value) {
        row(label, runs.stream().map(r -> value.apply(part.apply(r))).toList());
    }

    /** "conv 5x5x20, pool 2x2, dense 500": a network's shape in a line. */
    static String layers(List<LayerSpec> layers) {
        List<String> parts = new ArrayList<>();
        for (LayerSpec layer : layers) {
            parts.add(layer(layer));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String layer(LayerSpec layer) {
        if (layer instanceof ConvolutionSpec c) {
            boolean unitStride = c.stride().height() == 1 && c.stride().width() == 1;
            return "conv " + c.kernel() + "x" + c.filters() + (unitStride ? "" : "/" + c.stride().format(true));
        }
        if (layer instanceof PoolingSpec p) {
            return (p.pooling() == PoolingType.AVERAGE ? "avgpool " : "pool ") + p.kernel();
        }
        if (layer instanceof DenseSpec d) {
            return "dense " + d.units();
        }
        if (layer instanceof DropoutSpec d) {
            return "dropout " + number(d.rate());
        }
        return layer instanceof BatchNormSpec ? "batchnorm" : layer.type();
    }

    private static String optimizer(TrainingSpec t) {
        return t.optimizer().id() + (t.optimizer() == Optimizer.NESTEROV ? ", momentum " + number(t.momentum()) : "");
    }

    private static String augmentation(AugmentationSpec a) {
        if (a.isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (a.flip()) {
            parts.add("flip");
        }
        if (a.rotation() > 0) {
            parts.add("rotation " + number(a.rotation()) + " deg");
        }
        if (a.translation() > 0) {
            parts.add("shift " + number(a.translation()));
        }
        if (a.zoom() > 0) {
            parts.add("zoom " + number(a.zoom()));
        }
        return String.join(", ", parts);
    }

    /** Shortest text that reads back the same: 0.002, 5.0E-4 as 5e-4, 10. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e").replace("e-0", "e-").replace(".0e", "e");
    }
}
