package org.dl4jworkbench.app.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.model.InvalidModelException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.run.EvaluationReport;
import org.dl4jworkbench.core.train.Evaluation;
import org.dl4jworkbench.core.train.Evaluator;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench evaluate --model FILE --dataset SPEC}: how a saved model does on a dataset's test split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates a model on a dataset's test split: accuracy, top-3 accuracy, per-class precision, "
                + "recall and F1, the confusion matrix, and the most confident mistakes.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model zip saved by train, or made by import.")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "SPEC",
            description = "mnist-mini, idx:DIR, cifar10:DIR, folder:DIR or a catalogue name.")
    String dataset;

    @Option(names = "--json", description = "Print the whole evaluation as JSON.")
    boolean json;

    @Option(names = "--mistakes", paramLabel = "N", defaultValue = "10",
            description = "Mistakes to list (default: ${DEFAULT-VALUE}).")
    int mistakes;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws InvalidModelException, InvalidDataException, IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        LoadedModel loaded = ModelFiles.load(model); // a refused or unreadable model: ErrorMapper says why
        Dataset data = DatasetLoading.open(dataset, loaded.input(), err);
        if (!data.classNames().equals(loaded.classNames())) {
            err.println("error: " + data.name() + " has classes " + data.classNames() + " but " + model
                    + " was trained on " + loaded.classNames() + "; evaluate it on data with the same classes");
            return WorkbenchCommand.BAD_INPUT;
        }
        if (data.train().height() != loaded.input().height() || data.train().width() != loaded.input().width()
                || data.train().channels() != loaded.input().channels()) {
            err.println("error: " + data.name() + " has " + data.train().height() + "x" + data.train().width() + "x"
                    + data.train().channels() + " images but " + model + " takes " + loaded.input());
            return WorkbenchCommand.BAD_INPUT;
        }
        // A graph is a pretrained backbone or an import (MobileNet: 224x224x3): smaller batches keep its activations small.
        int batch = loaded.network().isGraph() ? 32 : 256;
        Evaluation e = Evaluator.evaluate(loaded.network(), data.test(), batch, loaded.normalizer());
        EvaluationReport report = EvaluationReport.of(data.name(), e);
        if (json) {
            out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(report, out);
        }
        return 0;
    }

    private void print(EvaluationReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s on %s: %,d test images%n", model, r.dataset(), r.total());
        out.printf(Locale.ROOT, "Accuracy %.2f%% (%,d correct), top-%d accuracy %.2f%%, loss %.4f%n",
                r.accuracy() * 100, r.correct(), r.topK(), r.topKAccuracy() * 100, r.loss());
        int width = Math.max(8, r.classNames().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.println();
        out.printf("%-" + width + "s %9s %9s %9s %9s%n", "CLASS", "PRECISION", "RECALL", "F1", "IMAGES");
        for (EvaluationReport.ClassRow c : r.classes()) {
            out.printf(Locale.ROOT, "%-" + width + "s %9s %9s %9s %,9d%n", c.name(), percent(c.precision()),
                    percent(c.recall()), percent(c.f1()), c.support());
        }
        out.println();
        out.println("Confusion matrix (rows: true class, columns: predicted):");
        int cell = Math.max(5, String.valueOf(r.total()).length() + 1);
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s", ""));
        for (String name : r.classNames()) {
            header.append(String.format("%" + cell + "s", abbreviate(name, cell - 1)));
        }
        out.println(header);
        for (int i = 0; i < r.confusion().length; i++) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s", r.classNames().get(i)));
            for (int count : r.confusion()[i]) {
                row.append(String.format("%" + cell + "d", count));
            }
            out.println(row);
        }
        List<Evaluation.Mistake> shown = r.mistakes().subList(0, Math.min(mistakes, r.mistakes().size()));
        if (!shown.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "Most confident mistakes (%,d in all):%n", r.mistakesTotal());
            for (Evaluation.Mistake m : shown) {
                out.printf(Locale.ROOT, "  test image %,d: %s taken for %s (%.1f%%)%n", m.index(),
                        r.classNames().get(m.actual()), r.classNames().get(m.predicted()), m.confidence() * 100);
            }
        }
    }

    private static String percent(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max));
    }
}
