package org.dl4jworkbench.app.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's one way of running background work, without JavaFX: work on a test executor,
 * callbacks on the calling thread ({@code Runnable::run} in place of the FX thread).
 */
class BackgroundTaskTest {

    private static final java.util.concurrent.Executor DIRECT = Runnable::run;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private <V> BackgroundTask<V> recorded(BackgroundTask<V> task) {
        return task.callbacksOn(DIRECT)
                .onRunning(() -> events.add("running"))
                .onSuccess(v -> events.add("success " + v))
                .onFailure(f -> events.add("failure " + f.message()))
                .onCancelled(() -> events.add("cancelled"));
    }

    @Test
    void successRunsTheCallbacksInOrderAndKeepsTheValue() {
        var task = recorded(BackgroundTask.wrap(() -> 42)).executeWith(DIRECT);
        assertThat(events).containsExactly("running", "success 42");
        assertThat(task.state()).isEqualTo(BackgroundTask.State.SUCCEEDED);
        assertThat(task.value()).isEqualTo(42);
        assertThat(task.isDone()).isTrue();
    }

    @Test
    void anOutOfMemoryErrorIsAFailureWithAMessageSayingWhatToDo() {
        var task = recorded(BackgroundTask.wrap(() -> {
            throw new OutOfMemoryError("Java heap space");
        })).executeWith(DIRECT);
        assertThat(task.state()).isEqualTo(BackgroundTask.State.FAILED);
        assertThat(task.failure().error()).isInstanceOf(OutOfMemoryError.class);
        assertThat(task.failure().message()).startsWith("Out of memory: Java heap space. Lower the batch size");
        assertThat(events).containsExactly("running", "failure " + task.failure().message());
    }

    @Test
    void anyOtherErrorIsReportedAsTheWorkbenchsFaultNotSwallowed() {
        var task = recorded(BackgroundTask.wrap(() -> {
            throw new NoClassDefFoundError("org/nd4j/Missing");
        })).executeWith(DIRECT);
        assertThat(task.failure().message()).startsWith("Internal error (NoClassDefFoundError: org/nd4j/Missing): "
                + "this is a fault in the workbench");
    }

    @Test
    void anExceptionsMessageIsTheUsersAndWrappersAreLookedThrough() {
        var task = recorded(BackgroundTask.wrap(() -> {
            throw new java.util.concurrent.CompletionException(new java.io.IOException("disk full: /tmp/x"));
        })).executeWith(DIRECT);
        assertThat(task.failure().message()).isEqualTo("disk full: /tmp/x");
        assertThat(task.failure().error()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anUncheckedIoExceptionSaysItsCausesMessageWithoutTheClassName() {
        var task = recorded(BackgroundTask.wrap(() -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("network 'm' is not installed: put F in D"));
        })).executeWith(DIRECT);
        assertThat(task.failure().message()).isEqualTo("network 'm' is not installed: put F in D");
    }

    @Test
    void workCancelledBeforeItStartsNeverRuns() {
        List<Runnable> queued = new ArrayList<>();
        var ran = new boolean[1];
        var task = recorded(BackgroundTask.wrap(() -> {
            ran[0] = true;
            return 1;
        })).executeWith(queued::add);
        assertThat(task.isDone()).isFalse(); // queued, not yet running
        assertThat(task.cancel()).isTrue();
        queued.forEach(Runnable::run);
        assertThat(ran[0]).isFalse();
        assertThat(events).containsExactly("cancelled");
        assertThat(task.state()).isEqualTo(BackgroundTask.State.CANCELLED);
        assertThat(task.cancel()).isFalse();
    }

    @Test
    void runningWorkSeesTheCancellationAndItsResultIsDropped() throws Exception {
        var started = new CountDownLatch(1);
        var cancelled = new CountDownLatch(1);
        var sawCancel = new AtomicReference<Boolean>();
        var task = recorded(BackgroundTask.wrapWithContext(context -> {
            started.countDown();
            cancelled.await();
            sawCancel.set(context.isCancelled());
            return "late";
        })).executeWith(worker);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        cancelled.countDown();
        worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        assertThat(sawCancel.get()).isTrue();
        assertThat(events).containsExactly("running", "cancelled");
        assertThat(task.value()).isNull();
    }

    @Test
    void progressIsCoalescedAndTheLatestValueArrives() throws Exception {
        int reports = 100_000;
        var progress = new CopyOnWriteArrayList<BackgroundTask.Progress>();
        var last = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        BackgroundTask.wrapWithContext(context -> {
            for (int i = 1; i <= reports; i++) {
                context.progress("decoding", i, reports);
            }
            release.await(); // still running: the latest report must arrive without the end pushing it
            return null;
        }).callbacksOn(DIRECT).onProgress(p -> {
            progress.add(p);
            if (p.done() == reports) {
                last.countDown();
            }
        }).executeWith(worker);
        assertThat(last.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThat(progress.size()).isLessThan(reports / 100); // one per ~100 ms, not one per report
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new BackgroundTask.Progress("decoding", reports,
                reports));
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void aCallbackAddedAfterTheEndRunsAtOnceAndOnlyForThatEnd() {
        var task = BackgroundTask.wrap(() -> "done").callbacksOn(DIRECT).executeWith(DIRECT);
        task.onSuccess(v -> events.add("late success " + v)).onFailure(f -> events.add("late failure"))
                .onFinished(() -> events.add("finished"));
        assertThat(events).containsExactly("late success done", "finished");
    }

    @Test
    void publishedResultsArriveInFewBatchesInOrderAndAllBeforeTheSuccess() throws Exception {
        int results = 50_000;
        ExecutorService fx = Executors.newSingleThreadExecutor(); // one callback thread, as the FX thread is
        try {
            var batches = new CopyOnWriteArrayList<List<Integer>>();
            var done = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var batchesAtSuccess = new AtomicReference<Integer>();
            BackgroundTask.<String, Integer>wrapPublishing((context, publish) -> {
                for (int i = 0; i < results; i++) {
                    publish.accept(i);
                    if (i == results / 2) {
                        release.await(30, TimeUnit.SECONDS); // a pause: what came so far is delivered meanwhile
                    }
                }
                return "all";
            }, batches::add).callbacksOn(fx).onSuccess(v -> {
                batchesAtSuccess.set(batches.size());
                done.countDown();
            }).executeWith(worker);
            WaitForBatches.until(() -> !batches.isEmpty());
            release.countDown();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            List<Integer> all = batches.stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(results);
            for (int i = 0; i < results; i++) {
                assertThat(all.get(i)).isEqualTo(i);
            }
            assertThat(batches.size()).isGreaterThan(1).isLessThan(results / 100);
            assertThat(batchesAtSuccess.get()).isEqualTo(batches.size());
        } finally {
            fx.shutdownNow();
        }
    }

    @Test
    void aCancelledTasksPublishedResultsAreDropped() throws Exception {
        var batches = new CopyOnWriteArrayList<List<Integer>>();
        var started = new CountDownLatch(1);
        var cancelled = new CountDownLatch(1);
        var task = BackgroundTask.<Void, Integer>wrapPublishing((context, publish) -> {
            started.countDown();
            cancelled.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < 1000 && !context.isCancelled(); i++) {
                publish.accept(i);
            }
            publish.accept(-1);
            return null;
        }, batches::add).callbacksOn(DIRECT).executeWith(worker);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        cancelled.countDown();
        worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        assertThat(batches).isEmpty();
        assertThat(task.state()).isEqualTo(BackgroundTask.State.CANCELLED);
    }

    /** Polls a condition set by another thread, for up to 30 seconds. */
    private static final class WaitForBatches {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!condition.getAsBoolean() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(condition.getAsBoolean()).isTrue();
        }
    }

    @Test
    void anExecutorThatRefusesTheWorkFailsTheTask() {
        worker.shutdownNow();
        var task = recorded(BackgroundTask.wrap(() -> 1)).executeWith(worker);
        assertThat(task.state()).isEqualTo(BackgroundTask.State.FAILED);
        assertThat(events).hasSize(1).first().asString().startsWith("failure ");
    }
}
