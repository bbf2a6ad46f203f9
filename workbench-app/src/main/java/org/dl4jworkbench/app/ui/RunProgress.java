package org.dl4jworkbench.app.ui;

import java.time.Duration;
import java.util.Locale;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingMonitor;

/** The line the window shows about a run going, from what its monitor and preparation hold. */
final class RunProgress {

    private RunProgress() {
    }

    /**
     * What to show now: a preparation step under way, else the latest minibatch, else (a run on
     * Spark before its first minibatch) the process's latest line; null to keep what shows.
     */
    static TrainAction.Progress of(TrainingMonitor.Update update, Preparation.Step step, String process) {
        IterationEvent latest = update.latest();
        if (step != null && step.ongoing()) {
            return new TrainAction.Progress(step.text(), step.fraction(), true, false);
        }
        if (latest == null) {
            return process == null || process.isEmpty() ? null
                    : new TrainAction.Progress("On Spark: " + process, -1, true, false);
        }
        boolean paused = update.state() == TrainingListener.State.PAUSED;
        double done = ((latest.epoch() - 1) + (double) latest.batch() / latest.batches()) / latest.epochs();
        return new TrainAction.Progress(String.format(Locale.ROOT, "Training: epoch %d/%d, batch %d/%d, loss %.4f, "
                + "%.0f images/s, %s left%s", latest.epoch(), latest.epochs(), latest.batch(), latest.batches(),
                latest.loss(), latest.imagesPerSecond(), eta(latest.eta()), paused ? " (paused)" : ""), done, true,
                paused);
    }

    private static String eta(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
