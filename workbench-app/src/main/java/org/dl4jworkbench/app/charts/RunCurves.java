package org.dl4jworkbench.app.charts;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.train.EpochEvent;

/**
 * What the charts need from a run folder, read forgivingly: a run may be unfinished or from a
 * killed process, so a missing or damaged {@code run.json}, {@code network.json} or
 * {@code dataset.json} leaves its fields empty, and CSV logs that cannot be parsed read as
 * empty rather than failing the chart.
 */
record RunCurves(String name, String network, String dataset, RunSummary summary, List<IterationRecord> iterations,
                 List<EpochEvent> epochs) {

    static RunCurves read(RunFolder run) throws IOException {
        String name = run.dir().toAbsolutePath().normalize().getFileName().toString();
        RunSummary summary = null;
        try {
            summary = run.readSummary();
        } catch (IOException | RuntimeException e) {
            // none yet, or damaged: the chart is still worth drawing
        }
        String network = summary != null ? summary.network() : null;
        if (network == null) {
            try {
                network = run.readSpec().name();
            } catch (Exception e) {
                network = null;
            }
        }
        String dataset = summary != null ? summary.dataset() : null;
        if (dataset == null) {
            try {
                dataset = run.readDataset().name();
            } catch (IOException | RuntimeException e) {
                dataset = null;
            }
        }
        List<IterationRecord> iterations;
        List<EpochEvent> epochs;
        try {
            iterations = run.readIterations();
        } catch (RuntimeException e) {
            iterations = List.of(); // a garbled row: RunFolder reads none of the file
        }
        try {
            epochs = run.readEpochs();
        } catch (RuntimeException e) {
            epochs = List.of();
        }
        return new RunCurves(name, network, dataset, summary, iterations, epochs);
    }

    double[] iterationNumbers() {
        double[] x = new double[iterations.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = iterations.get(i).iteration();
        }
        return x;
    }

    double[] losses() {
        double[] y = new double[iterations.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = iterations.get(i).loss();
        }
        return y;
    }

    /** The iteration that ended each epoch, where logged. */
    Map<Integer, Long> lastIterationOfEpoch() {
        Map<Integer, Long> last = new HashMap<>();
        for (IterationRecord r : iterations) {
            last.merge(r.epoch(), r.iteration(), Math::max);
        }
        return last;
    }

    /**
     * Each iteration's position in epochs (1.5: half-way through the second epoch), so runs
     * with different batch sizes or datasets line up. An epoch's length is its highest batch
     * number where it finished; the unfinished last epoch borrows the length of the one before.
     */
    double[] epochPositions() {
        Map<Integer, Integer> batches = new HashMap<>();
        for (IterationRecord r : iterations) {
            batches.merge(r.epoch(), r.batch(), Math::max);
        }
        int lastEpoch = batches.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean lastFinished = epochs.stream().anyMatch(e -> e.epoch() >= lastEpoch);
        if (!lastFinished && lastEpoch > 1 && batches.containsKey(lastEpoch - 1)) {
            batches.put(lastEpoch, Math.max(batches.get(lastEpoch), batches.get(lastEpoch - 1)));
        }
        double[] x = new double[iterations.size()];
        for (int i = 0; i < x.length; i++) {
            IterationRecord r = iterations.get(i);
            x[i] = r.epoch() - 1 + r.batch() / (double) Math.max(1, batches.get(r.epoch()));
        }
        return x;
    }

    double[] epochNumbers() {
        return epochs.stream().mapToDouble(EpochEvent::epoch).toArray();
    }

    double[] trainAccuracies() {
        return epochs.stream().mapToDouble(EpochEvent::trainAccuracy).toArray();
    }

    double[] validationAccuracies() {
        return epochs.stream().mapToDouble(EpochEvent::validationAccuracy).toArray();
    }

    double[] trainLosses() {
        return epochs.stream().mapToDouble(EpochEvent::trainLoss).toArray();
    }

    double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochEvent::validationLoss).toArray();
    }

    /** The best validation accuracy logged and its epoch, or null where none was measured. */
    EpochEvent bestValidationEpoch() {
        EpochEvent best = null;
        for (EpochEvent e : epochs) {
            if (Double.isFinite(e.validationAccuracy())
                    && (best == null || e.validationAccuracy() > best.validationAccuracy())) {
                best = e;
            }
        }
        return best;
    }
}
