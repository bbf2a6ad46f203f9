package org.dl4jworkbench.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a run's progress for readers on other threads (the dashboard's timer): every
 * iteration's loss and learning rate in growing primitive arrays, every epoch, the latest
 * iteration event and the pause state. The training thread only appends under a short lock;
 * readers copy what is new since their last look ({@link #since}), so a slow reader never
 * slows training and nothing queues up: a reader that looks once a second gets one second's
 * points in one piece.
 */
public final class TrainingMonitor implements TrainingListener {

    /** What happened since a reader's last look; pass {@link #next()} to the next call. */
    public record Update(long[] iterations, int[] iterationEpochs, int[] batches, float[] losses,
                         float[] learningRates, List<EpochEvent> epochs,
                         IterationEvent latest, State state, Cursor next) {

        public boolean isEmpty() {
            return iterations.length == 0 && epochs.isEmpty();
        }
    }

    /** How far a reader has read. */
    public record Cursor(int points, int epochs) {
        public static final Cursor START = new Cursor(0, 0);
    }

    private long[] iterations = new long[1024];
    private int[] iterationEpochs = new int[1024];
    private int[] batches = new int[1024];
    private float[] losses = new float[1024];
    private float[] learningRates = new float[1024];
    private int points;
    private final List<EpochEvent> epochs = new ArrayList<>();
    private IterationEvent latest;
    private State state = State.RUNNING;

    @Override
    public synchronized void onIteration(IterationEvent e) {
        if (points == iterations.length) {
            int capacity = points * 2;
            iterations = Arrays.copyOf(iterations, capacity);
            iterationEpochs = Arrays.copyOf(iterationEpochs, capacity);
            batches = Arrays.copyOf(batches, capacity);
            losses = Arrays.copyOf(losses, capacity);
            learningRates = Arrays.copyOf(learningRates, capacity);
        }
        iterations[points] = e.iteration();
        iterationEpochs[points] = e.epoch();
        batches[points] = e.batch();
        losses[points] = (float) e.loss();
        learningRates[points] = (float) e.learningRate();
        points++;
        latest = e;
    }

    @Override
    public synchronized void onEpoch(EpochEvent e) {
        epochs.add(e);
    }

    @Override
    public synchronized void onStateChange(State newState) {
        state = newState;
    }

    /** Everything after {@code cursor}. */
    public synchronized Update since(Cursor cursor) {
        int from = Math.min(cursor.points(), points);
        int epochFrom = Math.min(cursor.epochs(), epochs.size());
        return new Update(Arrays.copyOfRange(iterations, from, points),
                Arrays.copyOfRange(iterationEpochs, from, points), Arrays.copyOfRange(batches, from, points),
                Arrays.copyOfRange(losses, from, points),
                Arrays.copyOfRange(learningRates, from, points), List.copyOf(epochs.subList(epochFrom, epochs.size())),
                latest, state, new Cursor(points, epochs.size()));
    }
}
