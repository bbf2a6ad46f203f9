package org.dl4jworkbench.app.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Results added from a worker one by one, delivered on the callback executor as lists: the
 * first at once, then whatever came meanwhile at most once every {@code everyMillis}
 * ({@link Throttle}). A folder of 5,000 images predicted makes a few dozen events on the FX
 * thread, not 5,000. {@link #flush()} hands over the rest ahead of whatever the callback
 * executor runs next (the task's end).
 */
final class CoalescedBatches<T> {

    private final Consumer<List<T>> deliver;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Throttle throttle;

    CoalescedBatches(long everyMillis, Executor callbacks, Consumer<List<T>> deliver) {
        this.deliver = deliver;
        this.throttle = new Throttle(everyMillis, callbacks, this::drain);
    }

    /** From any thread; cheap. */
    void add(T item) {
        queue.add(item);
        throttle.request();
    }

    /** Queues the delivery of everything added so far, without waiting for the next period. */
    void flush() {
        if (!queue.isEmpty()) {
            throttle.now();
        }
    }

    private void drain() {
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
