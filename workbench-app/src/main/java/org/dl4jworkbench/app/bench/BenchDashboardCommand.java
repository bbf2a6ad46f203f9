package org.dl4jworkbench.app.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.WorkbenchApp;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.app.ui.dashboard.DashboardView;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.run.TrainingRun;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the dashboard costs training: the same run (one epoch of mnist-mini) through
 * {@link TrainingRun} as the command line trains, and from the real window's Train button with
 * the dashboard showing its live chart, alternating. While the window trains, a probe thread
 * posts a task to the FX thread every 20 ms and records how late it ran: the FX thread's
 * longest stall. Needs a display: run under {@code xvfb-run -a}.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Training throughput without and with the window's dashboard, and the FX thread's longest "
                + "stall while training (needs a DISPLAY: run under xvfb-run -a).")
final class BenchDashboardCommand implements Callable<Integer> {

    private static final long PROBE_MILLIS = 20;
    /** Stalls this long are listed on stderr with what the window showed, to find their cause. */
    private static final long STALL_REPORT_MILLIS = 50;

    @Option(names = "--template", defaultValue = "lenet", description = "Network (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--repeats", defaultValue = "2", description = "Runs per mode (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        Dataset data = Datasets.open(Datasets.DEFAULT);
        NetworkSpec base = Templates.find(template).orElseThrow(() -> new IllegalArgumentException(
                "unknown template " + template)).spec();
        NetworkSpec spec = base.withTraining(base.training().withEpochs(1));
        Path dir = Files.createTempDirectory("bench-dashboard");
        String backend = Backend.load().toString();

        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "background");
            t.setDaemon(true);
            return t;
        });
        WorkbenchModel model = onFx(() -> {
            var m = new WorkbenchModel(background);
            WorkbenchApp.useTheme(m.darkProperty());
            new MainWindow(m).show(new Stage());
            m.open(new Project("bench", spec, Datasets.DEFAULT, dir.resolve("window")));
            return m;
        });
        for (int i = 0; i < 1200 && onFx(() -> model.datasetProperty().get() == null); i++) {
            Thread.sleep(100);
        }
        if (onFx(() -> model.datasetProperty().get() == null)) {
            throw new IllegalStateException("the window did not load " + Datasets.DEFAULT);
        }

        headless(spec, data, dir, backend); // warm-up: JIT, native libraries
        List<Double> cli = new ArrayList<>();
        List<Double> window = new ArrayList<>();
        long stall = 0;
        for (int r = 0; r < repeats; r++) {
            double a = headless(spec, data, dir, backend);
            cli.add(a);
            long[] stallOut = new long[1];
            double b = inWindow(stallOut);
            window.add(b);
            stall = Math.max(stall, stallOut[0]);
            err.printf(Locale.ROOT, "run %d: command line %.1f img/s, window %.1f img/s, longest FX stall %d ms%n",
                    r + 1, a, b, stallOut[0]);
        }
        Platform.exit();

        double without = median(cli);
        double with = median(window);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("template", template);
        result.put("dataset", data.name());
        result.put("epochs", 1);
        result.put("images_per_second_without_dashboard", round1(without));
        result.put("images_per_second_with_dashboard", round1(with));
        result.put("ratio", Math.round(with / without * 1000) / 1000.0);
        result.put("fx_longest_stall_ms", stall);
        result.put("repeats", repeats);
        result.put("backend", backend);
        command.commandLine().getOut().println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result));
        return 0;
    }

    /** One run as {@code workbench train} does it, with no window. */
    private static double headless(NetworkSpec spec, Dataset data, Path dir, String backend) throws Exception {
        TrainingRun run = TrainingRun.start(spec, data, Datasets.DEFAULT, null, dir.resolve("cli"), backend);
        return run.execute(TrainingListener.NONE, CurvesChart.FILES, warning -> { }).imagesPerSecond();
    }

    /** One run from the window's Train button, the dashboard showing; the longest FX stall into {@code stall[0]}. */
    private static double inWindow(long[] stall) throws Exception {
        TrainAction training = onFx(() -> {
            var scene = Stage.getWindows().stream().filter(w -> w instanceof Stage).findFirst().orElseThrow()
                    .getScene();
            var dashboard = (DashboardView) scene.lookup("#" + DashboardView.ID).getUserData();
            ((Button) scene.lookup("#" + MainWindow.TRAIN_ID)).fire();
            return dashboard.training();
        });
        AtomicLong longest = new AtomicLong();
        Thread probe = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                var ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long late = (System.nanoTime() - posted) / 1_000_000;
                    longest.accumulateAndGet(late, Math::max);
                    if (late >= STALL_REPORT_MILLIS) {
                        TrainAction.Session s = training.sessionProperty().get();
                        System.err.printf(Locale.ROOT, "FX stall %d ms (%s): %s%n", late,
                                s != null && s.outcome() != null ? "after the run" : "training",
                                training.progressProperty().get().text());
                    }
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(PROBE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-stall-probe");
        probe.setDaemon(true);
        probe.start();
        TrainingResult result;
        try {
            while (true) {
                TrainAction.Session s = onFx(() -> training.sessionProperty().get());
                if (s != null && s.outcome() != null) {
                    if (s.result() == null) {
                        throw new IllegalStateException(s.outcome());
                    }
                    result = s.result();
                    break;
                }
                Thread.sleep(200);
            }
        } finally {
            probe.interrupt();
            probe.join();
        }
        stall[0] = longest.get();
        return result.imagesPerSecond();
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        var future = new FutureTask<>(task);
        Platform.runLater(future);
        return future.get(60, TimeUnit.SECONDS);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
