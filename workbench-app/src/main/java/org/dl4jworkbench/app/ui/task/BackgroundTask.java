package org.dl4jworkbench.app.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * One piece of the window's work, run off the FX thread (after JabRef's {@code BackgroundTask}):
 * {@code BackgroundTask.wrap(callable).onRunning(..).onSuccess(..).onFailure(..).executeWith(executor)}.
 * Callbacks run on the FX thread (tests may pass another callback executor), in the order they
 * were added; one added after the task has ended runs at once if it matches the ending. Every
 * {@link Throwable}, Errors such as {@link OutOfMemoryError} too, ends the task as a
 * {@link Failure} with a message for the user, and is logged once here. {@link #cancel()} is
 * cooperative: work not yet started never starts, running work sees {@link Context#isCancelled()},
 * and its result is dropped. Progress is coalesced: the callbacks see the latest value, at most
 * about every {@link #PROGRESS_EVERY_MILLIS} ms, however often the work reports; so are many small
 * results ({@link #wrapPublishing}), which arrive in batches, never one FX event per image.
 *
 * <p>Over 300 lines: it is one state machine. The callbacks of each ending, progress and batches
 * are all guarded by the one state and lock that decide which of them still run (none after a
 * cancel); split, that rule would be spread over classes. The timing is in
 * {@link CoalescedProgress} and {@link CoalescedBatches}, the messages in {@link Failure}.
 */
public final class BackgroundTask<V> {

    /** Work that may report progress and should look at {@link Context#isCancelled()} between steps. */
    @FunctionalInterface
    public interface Work<V> {
        V call(Context context) throws Exception;
    }

    /**
     * Work that hands over many small results as it makes them (thumbnails, predictions), besides
     * its final value; {@code publish} is cheap and may be called from the work's thread only.
     */
    @FunctionalInterface
    public interface PublishingWork<V, T> {
        V call(Context context, Consumer<T> publish) throws Exception;
    }

    /** What running work sees of its task. */
    public interface Context {
        boolean isCancelled();

        /** Reports progress; cheap, from any thread, as often as convenient (it is coalesced). */
        void progress(String phase, long done, long total);
    }

    /** A progress report: a phase ("decoding"), and how far into it ({@code total} 0 when unknown). */
    public record Progress(String phase, long done, long total) {
        /** Between 0 and 1, or -1 where the total is unknown. */
        public double fraction() {
            return total > 0 ? (double) done / total : -1;
        }
    }

    public enum State { READY, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    public static final long PROGRESS_EVERY_MILLIS = 100;

    /** Runs on the FX thread: at once when already there, else queued. */
    public static final Executor FX = r -> {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    };

    private final Work<V> work;
    private Executor callbacks = FX;
    private final List<Runnable> onRunning = new ArrayList<>();
    private final List<Consumer<? super V>> onSuccess = new ArrayList<>();
    private final List<Consumer<Failure>> onFailure = new ArrayList<>();
    private final List<Runnable> onCancelled = new ArrayList<>();
    private final List<Consumer<Progress>> onProgress = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelRequested;
    private State state = State.READY; // guarded by this; ends are set on the callback executor
    private V value;
    private Failure failure;
    private final CoalescedProgress<Progress> pendingProgress = new CoalescedProgress<>(PROGRESS_EVERY_MILLIS,
            r -> callbacks.execute(r), this::deliverProgress);
    private volatile Progress progress;

    private BackgroundTask(Work<V> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <V> BackgroundTask<V> wrap(Callable<V> callable) {
        Objects.requireNonNull(callable);
        return new BackgroundTask<>(context -> callable.call());
    }

    /** Work that reports progress or checks for cancellation through its {@link Context}. */
    public static <V> BackgroundTask<V> wrapWithContext(Work<V> work) {
        return new BackgroundTask<>(work);
    }

    /**
     * Work that publishes many small results as it goes: {@code onBatch} gets them on the callback
     * executor in lists, the first at once and then at most about every {@link #PROGRESS_EVERY_MILLIS}
     * ms, never one event per result. Everything published arrives before the success or failure
     * callbacks; nothing arrives once the task is cancelled.
     */
    public static <V, T> BackgroundTask<V> wrapPublishing(PublishingWork<V, T> work, Consumer<List<T>> onBatch) {
        Objects.requireNonNull(work);
        Objects.requireNonNull(onBatch);
        var self = new java.util.concurrent.atomic.AtomicReference<BackgroundTask<V>>();
        BackgroundTask<V> task = new BackgroundTask<>(context -> {
            BackgroundTask<V> me = self.get();
            var batches = new CoalescedBatches<T>(PROGRESS_EVERY_MILLIS, r -> me.callbacks.execute(r),
                    batch -> me.deliverBatch(batch, onBatch));
            try {
                return work.call(context, batches::add);
            } finally {
                batches.flush(); // queued before the end, so the end comes after the last batch
            }
        });
        self.set(task);
        return task;
    }

    /** Where callbacks run; the FX thread unless a test says otherwise (e.g. {@code Runnable::run}). */
    public BackgroundTask<V> callbacksOn(Executor executor) {
        this.callbacks = Objects.requireNonNull(executor);
        return this;
    }

    public synchronized BackgroundTask<V> onRunning(Runnable callback) {
        if (state == State.READY) {
            onRunning.add(callback);
        } else if (state == State.RUNNING) {
            callbacks.execute(callback);
        }
        return this;
    }

    public synchronized BackgroundTask<V> onSuccess(Consumer<? super V> callback) {
        if (state == State.SUCCEEDED) {
            V v = value;
            callbacks.execute(() -> callback.accept(v));
        } else if (!isDone()) {
            onSuccess.add(callback);
        }
        return this;
    }

    public synchronized BackgroundTask<V> onFailure(Consumer<Failure> callback) {
        if (state == State.FAILED) {
            Failure f = failure;
            callbacks.execute(() -> callback.accept(f));
        } else if (!isDone()) {
            onFailure.add(callback);
        }
        return this;
    }

    public synchronized BackgroundTask<V> onCancelled(Runnable callback) {
        if (state == State.CANCELLED) {
            callbacks.execute(callback);
        } else if (!isDone()) {
            onCancelled.add(callback);
        }
        return this;
    }

    /** After success, failure or cancellation, whichever it is. */
    public BackgroundTask<V> onFinished(Runnable callback) {
        return onSuccess(v -> callback.run()).onFailure(f -> callback.run()).onCancelled(callback);
    }

    public synchronized BackgroundTask<V> onProgress(Consumer<Progress> callback) {
        onProgress.add(callback);
        return this;
    }

    /**
     * Hands the work to {@code executor} and returns this task. A task runs once. An executor
     * that refuses the work (shutting down) fails the task.
     */
    public BackgroundTask<V> executeWith(Executor executor) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a background task runs once");
        }
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            Failure f = Failure.of(e);
            callbacks.execute(() -> end(State.FAILED, null, f));
        }
        return this;
    }

    /**
     * Asks the work to stop; its result, if any, is dropped and {@code onCancelled} runs. Returns
     * false where the task has already ended.
     */
    public boolean cancel() {
        synchronized (this) {
            if (isDone() || cancelRequested) {
                return false;
            }
            cancelRequested = true;
        }
        callbacks.execute(() -> end(State.CANCELLED, null, null));
        return true;
    }

    public boolean isCancelled() {
        return cancelRequested;
    }

    /** True once the task has succeeded, failed or been cancelled (as the callbacks have seen it). */
    public synchronized boolean isDone() {
        return state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED;
    }

    public synchronized State state() {
        return state;
    }

    /** The result once succeeded, else null. */
    public synchronized V value() {
        return value;
    }

    /** The failure once failed, else null. */
    public synchronized Failure failure() {
        return failure;
    }

    /** The last progress the callbacks were given, or null. */
    public Progress progress() {
        return progress;
    }

    private void run() {
        if (cancelRequested) {
            return; // cancel() has ended the task
        }
        callbacks.execute(this::running);
        V result;
        try {
            result = work.call(new Context() {
                @Override
                public boolean isCancelled() {
                    return cancelRequested;
                }

                @Override
                public void progress(String phase, long done, long total) {
                    pendingProgress.report(new Progress(phase, done, total));
                }
            });
        } catch (Throwable t) { // Errors too: the window must hear of an OutOfMemoryError
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Failure f = cancelRequested ? Failure.quietly(t) : Failure.of(t);
            callbacks.execute(() -> end(State.FAILED, null, f));
            return;
        }
        callbacks.execute(() -> end(State.SUCCEEDED, result, null));
    }

    private void running() {
        List<Runnable> toRun;
        synchronized (this) {
            if (state != State.READY) {
                return;
            }
            state = State.RUNNING;
            toRun = List.copyOf(onRunning);
            onRunning.clear();
        }
        toRun.forEach(this::safely);
    }

    private void end(State ending, V result, Failure error) {
        List<Runnable> toRun = new ArrayList<>();
        synchronized (this) {
            if (isDone()) {
                return;
            }
            state = ending;
            value = result;
            failure = error;
            switch (ending) {
                case SUCCEEDED -> onSuccess.forEach(c -> toRun.add(() -> c.accept(result)));
                case FAILED -> onFailure.forEach(c -> toRun.add(() -> c.accept(error)));
                case CANCELLED -> toRun.addAll(onCancelled);
                default -> throw new IllegalArgumentException(ending.name());
            }
            onRunning.clear();
            onSuccess.clear();
            onFailure.clear();
            onCancelled.clear();
        }
        toRun.forEach(this::safely);
    }

    private void deliverProgress(Progress p) {
        List<Consumer<Progress>> toRun;
        synchronized (this) {
            if (isDone()) {
                return;
            }
            toRun = List.copyOf(onProgress);
        }
        progress = p;
        toRun.forEach(c -> safely(() -> c.accept(p)));
    }

    private <T> void deliverBatch(List<T> batch, Consumer<List<T>> onBatch) {
        if (cancelRequested || isDone()) {
            return; // a cancelled task's results are dropped
        }
        safely(() -> onBatch.accept(batch));
    }

    /** A callback's own fault is logged and does not keep the others from running. */
    private void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            Failure.LOG.error("a background task's callback failed", e);
        }
    }
}
