package org.dl4jworkbench.app.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Progress reported from a worker as often as it likes, delivered on the callback executor as
 * the latest value at most once every {@code everyMillis}: at most one delivery is queued at a
 * time, so a decode of 50,000 images never floods the FX thread with 50,000 events.
 */
final class CoalescedProgress<P> {

    /** One daemon thread that delays deliveries (of progress and of batches); it never runs work or callbacks. */
    static final class Timer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workbench-progress");
            t.setDaemon(true);
            return t;
        });
    }

    private final long everyNanos;
    private final Executor callbacks;
    private final Consumer<P> deliver;
    private final AtomicReference<P> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastNanos;

    CoalescedProgress(long everyMillis, Executor callbacks, Consumer<P> deliver) {
        this.everyNanos = TimeUnit.MILLISECONDS.toNanos(everyMillis);
        this.callbacks = callbacks;
        this.deliver = deliver;
        this.lastNanos = System.nanoTime() - everyNanos;
    }

    /** From any thread; cheap. */
    void report(P value) {
        latest.set(value);
        if (!scheduled.compareAndSet(false, true)) {
            return; // a delivery is on its way and will take the latest value
        }
        long wait = lastNanos + everyNanos - System.nanoTime();
        if (wait <= 0) {
            callbacks.execute(this::drain);
        } else {
            Timer.INSTANCE.schedule(() -> callbacks.execute(this::drain), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        scheduled.set(false); // before taking the value: a report after this schedules its own delivery
        P value = latest.getAndSet(null);
        lastNanos = System.nanoTime();
        if (value != null) {
            deliver.accept(value);
        }
    }
}
