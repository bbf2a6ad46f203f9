package org.dl4jworkbench.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.app.charts.Markers.Kind;
import org.dl4jworkbench.app.charts.Markers.Marker;
import org.dl4jworkbench.app.charts.Markers.Outcome;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.EpochEvent;
import org.junit.jupiter.api.Test;

/**
 * Marker derivation from the learning rates the engine's own schedules give (the same
 * {@code ISchedule} the trainer trains with), and from epochs and outcomes.
 */
class MarkersTest {

    private static final int BATCHES = 50;

    /** The iterations of {@code epochs} epochs trained with {@code training}'s schedule, as logged. */
    private static List<IterationRecord> iterations(TrainingSpec training, int epochs) {
        var schedule = SpecCompiler.schedule(training, BATCHES);
        List<IterationRecord> out = new ArrayList<>();
        long iteration = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int b = 1; b <= BATCHES; b++) {
                out.add(new IterationRecord(iteration, epoch, b, 1.0, schedule.valueAt((int) iteration, epoch - 1),
                        100));
                iteration++;
            }
        }
        return out;
    }

    private static TrainingSpec training(Schedule schedule, double warmupEpochs, int epochs) {
        var t = TrainingSpec.adam(0.01, 64, epochs);
        return new TrainingSpec(t.optimizer(), t.learningRate(), t.momentum(), t.batchSize(), epochs, t.l2(), t.seed(),
                schedule, warmupEpochs, null);
    }

    private static EpochEvent epoch(int n, double validationAccuracy) {
        return new EpochEvent(n, 10, 0.5, 0.9, 0.4, validationAccuracy, 100, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    @Test
    void aConstantRateHasNoMarker() {
        assertThat(Markers.learningRateChanges(iterations(training(Schedule.CONSTANT, 0, 6), 6))).isEmpty();
    }

    @Test
    void aStepScheduleIsMarkedAtEachStepWithTheNewRate() {
        List<Marker> markers = Markers.learningRateChanges(iterations(training(new Schedule.Step(2, 0.1), 0, 6), 6));
        assertThat(markers).extracting(Marker::kind).containsOnly(Kind.LEARNING_RATE);
        // the steps take effect in epochs 3 and 5: their first iterations are 100 and 200
        assertThat(markers).extracting(Marker::x).containsExactly(100.0, 200.0);
        assertThat(markers).extracting(Marker::label).containsExactly("lr 0.0010", "lr 0.00010");
    }

    @Test
    void aWarmUpIsMarkedOnceWhereItEndsNotAtEveryRisingIteration() {
        List<Marker> markers = Markers.learningRateChanges(iterations(training(Schedule.CONSTANT, 2, 6), 6));
        assertThat(markers).hasSize(1);
        assertThat(markers.get(0).label()).startsWith("warm-up done, lr 0.01");
        assertThat(markers.get(0).x()).isBetween(95.0, 100.0); // two epochs of 50 batches
    }

    @Test
    void aCosineDecayIsMarkedAtFewHalvingsNotAtEveryIteration() {
        List<Marker> markers = Markers.learningRateChanges(iterations(training(Schedule.COSINE, 1, 10), 10));
        assertThat(markers.get(0).label()).startsWith("warm-up done");
        assertThat(markers).hasSizeBetween(2, 1 + Markers.MAX_SMOOTH_MARKERS);
        for (int i = 1; i < markers.size(); i++) {
            assertThat(markers.get(i).x()).isGreaterThan(markers.get(i - 1).x());
        }
    }

    @Test
    void earlyStoppingMarksTheKeptEpochAndWhereItStoppedWithWhy() {
        List<IterationRecord> its = iterations(training(Schedule.CONSTANT, 0, 5), 5);
        List<EpochEvent> epochs = List.of(epoch(1, 0.90), epoch(2, 0.95), epoch(3, 0.94), epoch(4, 0.93),
                epoch(5, 0.93));
        var outcome = new Outcome(RunSummary.EARLY_STOPPED, "no improvement in 3 epochs", 2);
        List<Marker> loss = Markers.forIterations(its, epochs, outcome);
        assertThat(loss).extracting(Marker::kind).containsExactly(Kind.BEST_EPOCH, Kind.END);
        assertThat(loss.get(0).x()).isEqualTo(99.5); // after the last iteration of epoch 2
        assertThat(loss.get(1).x()).isEqualTo(249.5);
        assertThat(loss.get(1).label()).isEqualTo("early stopped");
        assertThat(Markers.endLegend(outcome)).isEqualTo("early stopped: no improvement in 3 epochs");
        assertThat(Markers.forEpochs(epochs, outcome)).extracting(Marker::x).containsExactly(2.0, 5.0);
    }

    @Test
    void aRunningOrCompletedRunHasNoEndMarkerAndItsBestEpochIsTheBestValidationAccuracy() {
        List<EpochEvent> epochs = List.of(epoch(1, 0.90), epoch(2, 0.97), epoch(3, 0.95));
        assertThat(Markers.forEpochs(epochs, Outcome.RUNNING)).containsExactly(new Marker(Kind.BEST_EPOCH, 2,
                "best: epoch 2"));
        assertThat(Markers.forEpochs(epochs, new Outcome(RunSummary.COMPLETED, "", null)))
                .extracting(Marker::kind).containsExactly(Kind.BEST_EPOCH);
        assertThat(Markers.forEpochs(List.of(epoch(1, 0.9)), Outcome.RUNNING)).isEmpty(); // one epoch: no "best"
    }

    @Test
    void theExportedChartCarriesTheMarkersAndTheirLegend() {
        List<IterationRecord> its = iterations(training(new Schedule.Step(1, 0.5), 0, 3), 3);
        List<EpochEvent> epochs = List.of(epoch(1, 0.90), epoch(2, 0.95), epoch(3, 0.94));
        var curves = new RunCurves("run", "lenet", "mnist-mini", null, its, epochs);
        Chart chart = CurvesChart.forCurves(curves, new Outcome(RunSummary.STOPPED, "stopped on request", null),
                CurvesChart.WIDTH, CurvesChart.HEIGHT);
        assertThat(chart.legend()).extracting(LegendEntry::label).containsExactly("learning-rate change",
                "best epoch", "stopped: stopped on request");
        assertThat(chart.panels().get(0).markers()).extracting(Marker::kind).containsExactly(Kind.LEARNING_RATE,
                Kind.LEARNING_RATE, Kind.BEST_EPOCH, Kind.END);
        assertThat(chart.panels().get(1).markers()).extracting(Marker::kind).containsExactly(Kind.BEST_EPOCH,
                Kind.END);
        String svg = ChartWriter.toSvg(chart);
        assertThat(svg).contains("best: epoch 2").contains("lr 0.0025");
    }
}
