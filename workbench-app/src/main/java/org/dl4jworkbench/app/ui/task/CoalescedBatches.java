package org.dl4jworkbench.app.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Results added from a worker one by one, delivered on the callback executor as lists: the
 * first at once, then whatever came meanwhile at most once every {@code everyMillis}, with at
 * most one delivery queued at a time. A folder of 5,000 images predicted makes a few dozen
 * events on the FX thread, not 5,000. {@link #flush()} hands over the rest ahead of whatever the
 * callback executor runs next (the task's end).
 */
final class CoalescedBatches<T> {

    private final long everyNanos;
    private final Executor callbacks;
    private final Consumer<List<T>> deliver;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastNanos;

    CoalescedBatches(long everyMillis, Executor callbacks, Consumer<List<T>> deliver) {
        this.everyNanos = TimeUnit.MILLISECONDS.toNanos(everyMillis);
        this.callbacks = callbacks;
        this.deliver = deliver;
        this.lastNanos = System.nanoTime() - everyNanos;
    }

    /** From any thread; cheap. */
    void add(T item) {
        queue.add(item);
        if (!scheduled.compareAndSet(false, true)) {
            return; // a delivery is on its way and will take this one too
        }
        long wait = lastNanos + everyNanos - System.nanoTime();
        if (wait <= 0) {
            callbacks.execute(this::drain);
        } else {
            CoalescedProgress.Timer.INSTANCE.schedule(() -> callbacks.execute(this::drain), wait,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Queues the delivery of everything added so far, without waiting for the next period. */
    void flush() {
        if (!queue.isEmpty()) {
            callbacks.execute(this::drain);
        }
    }

    /** Synchronized for callback executors that are not one thread (tests): batches stay in order. */
    private synchronized void drain() {
        scheduled.set(false); // before taking the items: one added after this schedules its own delivery
        lastNanos = System.nanoTime();
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
