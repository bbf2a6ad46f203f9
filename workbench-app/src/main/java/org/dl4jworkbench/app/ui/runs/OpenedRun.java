package org.dl4jworkbench.app.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.run.DatasetDescription;
import org.dl4jworkbench.core.run.EvaluationReport;
import org.dl4jworkbench.core.run.RunEntry;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.train.Evaluation;
import org.dl4jworkbench.core.train.Evaluator;

/**
 * What opening a run reads from its folder: its model file (null where it has none, as a
 * diverged run), its evaluation ({@code evaluation.json}; null with {@code problem} saying
 * why) and the data it trained on ({@code dataset.json}). Reading blocks: call it off the FX
 * thread.
 */
public record OpenedRun(RunEntry entry, Path model, Evaluation evaluation, String problem,
                        DatasetDescription data) {

    /** The test images of a run for its gallery, or why there are none; {@code evaluation} may be recomputed. */
    public record TestImages(ImageSet images, Evaluation evaluation, String about) {
    }

    public static OpenedRun read(RunEntry entry) {
        RunFolder run = entry.run();
        Path model = Files.isRegularFile(run.model()) ? run.model() : null;
        Evaluation evaluation = null;
        String problem = null;
        Path file = run.file(RunFolder.EVALUATION);
        if (!Files.isRegularFile(file)) {
            problem = "it has no " + RunFolder.EVALUATION + " (" + (RunEntry.INTERRUPTED.equals(entry.status())
                    || "running".equals(entry.status()) ? "it did not finish" : "status " + entry.status()) + ")";
        } else {
            try {
                evaluation = evaluation(run.readEvaluation());
            } catch (IOException | RuntimeException e) {
                problem = file + " could not be read (" + e.getMessage() + ")";
            }
        }
        DatasetDescription data;
        try {
            data = run.readDataset();
        } catch (IOException | RuntimeException e) {
            data = null;
        }
        return new OpenedRun(entry, model, evaluation, problem, data);
    }

    /** An evaluation as {@code evaluation.json} keeps it (its most confident mistakes only). */
    public static Evaluation evaluation(EvaluationReport r) {
        int topKCorrect = (int) Math.round(r.topKAccuracy() * r.total());
        return new Evaluation(r.classNames(), r.confusion(), r.loss(), r.topK(), topKCorrect, r.mistakes());
    }

    /** A line for the top of the Evaluation tab: which run, on which data. */
    public String about() {
        return "Run " + entry.name() + (data == null ? "" : " on " + data.spec()) + ".";
    }

    /**
     * The run's test images: the dataset open now where it is the run's (same data at the same
     * size), else the run's dataset opened again at the run's image size; refused
     * where its fingerprint or size changed. Where the run kept only some of its mistakes,
     * its model classifies the images again, so the gallery can tell right from wrong.
     */
    public TestImages testImages(Dataset openNow) {
        if (evaluation == null) {
            return new TestImages(null, null, about());
        }
        if (data == null) {
            return new TestImages(null, evaluation, about() + " Its dataset.json is missing, so its test images "
                    + "are unknown.");
        }
        Dataset dataset;
        try {
            dataset = data.isOpenAs(openNow) ? openNow : Datasets.open(data.spec(), data.openOptions());
        } catch (Exception e) {
            return new TestImages(null, evaluation, about() + " Its test images could not be opened from "
                    + data.spec() + " (" + e.getMessage() + "); open or download that dataset to see them.");
        }
        if (data.fingerprint() != null && !data.fingerprint().equals(dataset.fingerprint())) {
            return new TestImages(null, evaluation, about() + " The dataset " + data.spec() + " changed since the "
                    + "run (fingerprint " + dataset.fingerprint() + ", was " + data.fingerprint() + "), so its "
                    + "images are not the ones evaluated: none are shown.");
        }
        ImageSet test = dataset.test();
        if (test.size() != evaluation.total() || !test.classNames().equals(evaluation.classNames())) {
            return new TestImages(null, evaluation, String.format(Locale.ROOT, "%s The run evaluated %,d test "
                    + "images of %d classes; %s now has %,d of %d: none are shown.", about(), evaluation.total(),
                    evaluation.classNames().size(), data.spec(), test.size(), test.classNames().size()));
        }
        boolean partial = evaluation.mistakes().size() < evaluation.total() - evaluation.correct();
        if (partial && model != null) {
            try {
                LoadedModel loaded = ModelFiles.load(model);
                Evaluation full = Evaluator.evaluate(loaded.network(), test, 64, loaded.normalizer());
                return new TestImages(test, full, about());
            } catch (Exception | OutOfMemoryError e) {
                // the recorded mistakes still show
            }
        }
        return new TestImages(test, evaluation, about());
    }
}
