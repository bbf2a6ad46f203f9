package org.dl4jworkbench.app.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dl4jworkbench.core.run.DatasetDescription;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.EpochEvent;

/**
 * Run folders with synthetic but realistic metrics, written through {@link RunFolder} as
 * training writes them: a loss that falls from ln(10) towards a floor with minibatch noise,
 * accuracies that rise and level off, validation a little behind training.
 */
public final class RunFixtures {

    /** What to generate. {@code started} null: no run.json. */
    public record Options(String template, int epochs, int epochsPlanned, int batchesPerEpoch, double floor,
                          long seed, String status, Instant started, boolean validation) {

        public static Options of(String template, int epochs, int batchesPerEpoch) {
            return new Options(template, epochs, epochs, batchesPerEpoch, 0.05, 7, RunSummary.COMPLETED,
                    Instant.parse("2026-11-24T10:00:00Z"), true);
        }

        public Options started(Instant at) {
            return new Options(template, epochs, epochsPlanned, batchesPerEpoch, floor, seed, status, at, validation);
        }

        public Options status(String newStatus, int planned) {
            return new Options(template, epochs, planned, batchesPerEpoch, floor, seed, newStatus, started,
                    validation);
        }

        public Options floor(double newFloor, long newSeed) {
            return new Options(template, epochs, epochsPlanned, batchesPerEpoch, newFloor, newSeed, status, started,
                    validation);
        }

        public Options withoutValidation() {
            return new Options(template, epochs, epochsPlanned, batchesPerEpoch, floor, seed, status, started, false);
        }
    }

    private RunFixtures() {
    }

    public static NetworkSpec spec(String template) {
        return Templates.find(template).orElseThrow().spec();
    }

    public static RunFolder write(Path dir, Options o) throws IOException {
        return write(dir, o, spec(o.template()).withTraining(spec(o.template()).training().withEpochs(
                o.epochsPlanned())));
    }

    public static RunFolder write(Path dir, Options o, NetworkSpec spec) throws IOException {
        RunFolder run = RunFolder.at(dir);
        run.writeSpec(spec);
        run.writeDataset(new DatasetDescription("mnist-mini", "mnist-mini", "sha256:1f2e3d4c5b6a", List.of("0", "1",
                "2", "3", "4", "5", "6", "7", "8", "9"), 9000, 1000, 2000, 28, 28, 1));
        var random = new Random(o.seed());
        int total = o.epochs() * o.batchesPerEpoch();
        double tau = Math.max(20, total / 12.0);
        List<IterationRecord> batch = new ArrayList<>();
        long iteration = 0;
        double bestAccuracy = Double.NaN;
        int bestEpoch = 0;
        double bestLoss = Double.NaN;
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            double sum = 0;
            for (int b = 1; b <= o.batchesPerEpoch(); b++) {
                iteration++;
                double loss = lossAt(iteration, tau, o.floor()) * Math.exp(random.nextGaussian() * 0.35);
                sum += loss;
                batch.add(new IterationRecord(iteration, epoch, b, loss, 0.002 * (1 - iteration / (double) total),
                        400 + random.nextGaussian() * 20));
                if (batch.size() == 5000) {
                    run.appendIterations(batch);
                    batch.clear();
                }
            }
            run.appendIterations(batch);
            batch.clear();
            double trainLoss = sum / o.batchesPerEpoch();
            double trainAccuracy = 1 - Math.min(0.9, trainLoss * 0.35) - 0.002 * random.nextDouble();
            // Measured after the epoch, so it follows the end of the epoch rather than its mean.
            double validationLoss = o.validation() ? lossAt(iteration, tau, o.floor()) * 1.15
                    + 0.01 * random.nextDouble() : Double.NaN;
            double validationAccuracy = o.validation() ? trainAccuracy - 0.004 - 0.003 * random.nextDouble()
                    : Double.NaN;
            run.appendEpoch(new EpochEvent(epoch, o.epochsPlanned(), trainLoss, trainAccuracy, validationLoss,
                    validationAccuracy, 400, Duration.ofSeconds(20), Duration.ZERO));
            if (o.validation() && !(validationAccuracy <= bestAccuracy)) {
                bestAccuracy = validationAccuracy;
                bestLoss = validationLoss;
                bestEpoch = epoch;
            }
        }
        if (o.started() != null) {
            boolean finished = !RunSummary.RUNNING.equals(o.status());
            double seconds = 20.0 * o.epochs();
            run.writeSummary(new RunSummary(RunSummary.FORMAT_VERSION, spec.name(), "mnist-mini", o.status(), null,
                    o.epochs(), o.epochsPlanned(), o.validation() ? bestEpoch : null,
                    o.validation() ? bestAccuracy : null, o.validation() ? bestLoss : null,
                    finished ? bestAccuracyOr(bestAccuracy) - 0.002 : null, seconds, 400,
                    o.started().toString(), finished ? o.started().plusSeconds((long) seconds).toString() : null,
                    "CPU"));
        }
        return run;
    }

    private static double lossAt(long iteration, double tau, double floor) {
        return floor + (Math.log(10) - floor) * Math.exp(-iteration / tau);
    }

    private static double bestAccuracyOr(double best) {
        return Double.isNaN(best) ? 0.95 : best;
    }
}
