package org.dl4jworkbench.app.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code drain} on the callback executor at most once every {@code everyMillis}, however
 * often a worker asks, with at most one run queued at a time: what {@link CoalescedProgress}
 * (the latest value) and {@link CoalescedBatches} (everything added since) both need, each
 * keeping what is pending its own way.
 */
final class Throttle {

    /** One daemon thread that delays the runs; it never runs work or callbacks itself. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "workbench-progress");
        t.setDaemon(true);
        return t;
    });

    private final long everyNanos;
    private final Executor callbacks;
    private final Runnable drain;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastNanos;

    Throttle(long everyMillis, Executor callbacks, Runnable drain) {
        this.everyNanos = TimeUnit.MILLISECONDS.toNanos(everyMillis);
        this.callbacks = callbacks;
        this.drain = drain;
        this.lastNanos = System.nanoTime() - everyNanos;
    }

    /** From any thread, after adding to what is pending; cheap. */
    void request() {
        if (!scheduled.compareAndSet(false, true)) {
            return; // a run is on its way and will take what was just added too
        }
        long wait = lastNanos + everyNanos - System.nanoTime();
        if (wait <= 0) {
            callbacks.execute(this::run);
        } else {
            TIMER.schedule(() -> callbacks.execute(this::run), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Queues a run now, without waiting for the next period. */
    void now() {
        callbacks.execute(this::run);
    }

    /** Synchronized for callback executors that are not one thread (tests): runs stay in order. */
    private synchronized void run() {
        scheduled.set(false); // before taking what is pending: anything added after asks for its own run
        lastNanos = System.nanoTime();
        drain.run();
    }
}
