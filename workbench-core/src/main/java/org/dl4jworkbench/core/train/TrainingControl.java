package org.dl4jworkbench.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.dl4jworkbench.core.model.Network;

/**
 * Pause, resume, stop and snapshot a training run from any thread. The training thread acts
 * on them between minibatches ({@link #betweenBatches}): it waits while paused, ends the run
 * when asked to stop, and hands out copies of the network, because
 * DL4J's {@code output} and {@code fit} are synchronized on the network and a
 * prediction on the training network would wait for the minibatch.
 */
public final class TrainingControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<CompletableFuture<Network>> snapshots = new ArrayList<>();
    private boolean paused;
    private boolean stopRequested;
    private boolean finished;

    /** Takes effect after the current minibatch. */
    public void pause() {
        update(() -> paused = true);
    }

    public void resume() {
        update(() -> paused = false);
    }

    /** Ends the run after the current minibatch (also while paused); the model trained so far is kept. */
    public void stop() {
        update(() -> stopRequested = true);
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A copy of the network as it is between two minibatches, for predicting while training.
     * Completes at the next minibatch boundary (at once while paused); fails where the run has
     * ended (use its final model then).
     */
    public CompletableFuture<Network> snapshot() {
        var future = new CompletableFuture<Network>();
        lock.lock();
        try {
            if (finished) {
                future.completeExceptionally(new IllegalStateException("the run has ended"));
            } else {
                snapshots.add(future);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    /**
     * Called by the training thread between minibatches: serves snapshots, waits while paused
     * (telling {@code onPause}/{@code onResume}), and answers whether to stop.
     */
    boolean betweenBatches(Network net, Runnable onPause, Runnable onResume) throws InterruptedException {
        lock.lock();
        try {
            serveSnapshots(net);
            if (paused && !stopRequested) {
                onPause.run();
                while (paused && !stopRequested) {
                    changed.await();
                    serveSnapshots(net);
                }
                onResume.run();
            }
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /** Called by the training thread when the run has ended: pending snapshots fail. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            snapshots.forEach(f -> f.completeExceptionally(new IllegalStateException("the run has ended")));
            snapshots.clear();
        } finally {
            lock.unlock();
        }
    }

    private void serveSnapshots(Network net) {
        if (!snapshots.isEmpty()) {
            Network copy = net.copy();
            snapshots.forEach(f -> f.complete(copy));
            snapshots.clear();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
