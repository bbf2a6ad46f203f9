package org.dl4jworkbench.app.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The window's executors, kept apart so that one kind of work never waits behind another: a
 * Save never queues behind a dataset download, a prediction never behind a dataset decode.
 * <ul>
 * <li>{@link #io()}: project files: open, save, autosave, recent list, model copies, run lists;
 * <li>{@link #data()}: datasets: loading, decoding, statistics, downloads;
 * <li>{@link #compute()}: models: opening a model zip, predicting, augmentation previews;
 * <li>{@link #training()}: a thread of its own for each training run.
 * </ul>
 * Made by the application ({@link #create()}) and closed when it stops; tests may share one
 * executor for the first three ({@link #sharing}) to know when background work is done.
 */
public final class WorkbenchExecutors implements AutoCloseable {

    private final Executor io;
    private final Executor data;
    private final Executor compute;
    private final Executor training;
    private final List<ExecutorService> owned;

    private WorkbenchExecutors(Executor io, Executor data, Executor compute, Executor training,
                               List<ExecutorService> owned) {
        this.io = io;
        this.data = data;
        this.compute = compute;
        this.training = training;
        this.owned = owned;
    }

    /** The application's: one io thread, two data threads, one compute thread, a thread per run. */
    public static WorkbenchExecutors create() {
        List<ExecutorService> owned = new ArrayList<>();
        ExecutorService io = Executors.newSingleThreadExecutor(daemon("workbench-io"));
        ExecutorService data = Executors.newFixedThreadPool(2, daemon("workbench-data"));
        ExecutorService compute = Executors.newSingleThreadExecutor(daemon("workbench-compute"));
        owned.add(io);
        owned.add(data);
        owned.add(compute);
        return new WorkbenchExecutors(io, data, compute, threadPerTask("training"), owned);
    }

    /** One executor for io, data and compute (tests: the caller owns and closes it); training on its own thread. */
    public static WorkbenchExecutors sharing(Executor one) {
        return new WorkbenchExecutors(one, one, one, threadPerTask("training"), List.of());
    }

    /** Each task on a new daemon thread named {@code name}. */
    public static Executor threadPerTask(String name) {
        return r -> daemon(name).newThread(r).start();
    }

    public Executor io() {
        return io;
    }

    public Executor data() {
        return data;
    }

    public Executor compute() {
        return compute;
    }

    public Executor training() {
        return training;
    }

    /** Stops the executors this holder made (not a shared one, nor running training threads). */
    @Override
    public void close() {
        owned.forEach(ExecutorService::shutdownNow);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
