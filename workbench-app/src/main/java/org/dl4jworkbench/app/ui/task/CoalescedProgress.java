package org.dl4jworkbench.app.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Progress reported from a worker as often as it likes, delivered on the callback executor as
 * the latest value at most once every {@code everyMillis} ({@link Throttle}), so a decode of
 * 50,000 images never floods the FX thread with 50,000 events.
 */
final class CoalescedProgress<P> {

    private final Consumer<P> deliver;
    private final AtomicReference<P> latest = new AtomicReference<>();
    private final Throttle throttle;

    CoalescedProgress(long everyMillis, Executor callbacks, Consumer<P> deliver) {
        this.deliver = deliver;
        this.throttle = new Throttle(everyMillis, callbacks, this::drain);
    }

    /** From any thread; cheap. */
    void report(P value) {
        latest.set(value);
        throttle.request();
    }

    private void drain() {
        P value = latest.getAndSet(null);
        if (value != null) {
            deliver.accept(value);
        }
    }
}
