package org.dl4jworkbench.app.bench;

import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingListener;

/**
 * When a transfer-learning run reached each stage, from the Trainer's own events: the
 * backbone's feature progress (the training and validation images before the first epoch,
 * the test images after the last), the first minibatch, and every epoch. The Trainer reports
 * feature progress after each batch of 32 images, so the rate is taken between the first and
 * the last report, and the time of the whole phase extrapolated from it to every image.
 */
final class TransferTimer implements TrainingListener {

    /** One phase's progress reports: the first and the last (time, images done). */
    static final class Phase {
        long firstNanos = -1;
        int firstDone;
        long lastNanos;
        int lastDone;
        int total;

        void report(int done, int all) {
            long now = System.nanoTime();
            if (firstNanos < 0) {
                firstNanos = now;
                firstDone = done;
            }
            lastNanos = now;
            lastDone = done;
            total = all;
        }

        boolean measured() {
            return firstNanos >= 0 && lastDone > firstDone;
        }

        /** Images per second between the first and the last report. */
        double imagesPerSecond() {
            return measured() ? (lastDone - firstDone) / ((lastNanos - firstNanos) / 1e9) : Double.NaN;
        }

        /** The whole phase's time at that rate; 0 where one report covered it all (a cache hit). */
        double seconds() {
            return measured() ? total / imagesPerSecond() : 0;
        }
    }

    private final long start = System.nanoTime();
    final Phase features = new Phase();
    final Phase testFeatures = new Phase();
    private long firstMinibatch = -1;
    final List<EpochEvent> epochs = new ArrayList<>();

    @Override
    public void onPreparing(String phase, int done, int total) {
        if (phase.startsWith("computing")) {
            features.report(done, total);
        } else if (phase.startsWith("evaluating on the test")) {
            testFeatures.report(done, total);
        }
    }

    @Override
    public void onIteration(IterationEvent event) {
        if (firstMinibatch < 0) {
            firstMinibatch = System.nanoTime();
        }
    }

    @Override
    public void onEpoch(EpochEvent event) {
        epochs.add(event);
    }

    /** Seconds from this timer's creation (just before {@code train}) to the end of the first minibatch. */
    double secondsToFirstMinibatch() {
        return firstMinibatch < 0 ? Double.NaN : (firstMinibatch - start) / 1e9;
    }

    /** The epochs' training seconds (without the evaluations after them). */
    List<Double> epochSeconds() {
        return epochs.stream().map(e -> e.duration().toNanos() / 1e9).toList();
    }

    List<Double> epochRates() {
        return epochs.stream().map(EpochEvent::imagesPerSecond).toList();
    }
}
