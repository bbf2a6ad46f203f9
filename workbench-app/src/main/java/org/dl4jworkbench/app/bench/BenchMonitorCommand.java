package org.dl4jworkbench.app.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingMonitor;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What watching a run costs: the same training without a listener, with a
 * {@link TrainingMonitor} read by a dashboard-like consumer every 100 ms, and with one that
 * reads only every 2.5 s (a slow chart: everything since its last look arrives in one piece,
 * nothing queues). Runs alternate so drift on a shared machine spreads over all three.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Training throughput with no listener, with a monitored run read every 100 ms, and with a "
                + "slow consumer; prints the overhead.")
final class BenchMonitorCommand implements Callable<Integer> {

    @Option(names = "--template", defaultValue = "lenet", description = "Network (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--repeats", defaultValue = "3", description = "Runs per mode (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--images", defaultValue = "6000",
            description = "Training images per run, from mnist-mini (default: ${DEFAULT-VALUE}).")
    int images;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        Dataset full = Datasets.open(Datasets.DEFAULT);
        Dataset data = new Dataset(full.name(), full.train().head(images), full.test().head(500));
        NetworkSpec spec = Templates.find(template).orElseThrow(() -> new IllegalArgumentException(
                "unknown template " + template)).spec();
        spec = spec.withTraining(spec.training().withEpochs(1)).withData(spec.data().withValidationSplit(0));
        String[] modes = {"none", "monitor", "slow-consumer"};
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (String mode : modes) {
            rates.put(mode, new ArrayList<>());
        }
        run(spec, data, "none"); // warm-up: JIT, native libraries
        for (int r = 0; r < repeats; r++) {
            for (String mode : modes) {
                double rate = run(spec, data, mode);
                rates.get(mode).add(rate);
                err.printf(Locale.ROOT, "run %d %-13s %.1f img/s%n", r + 1, mode, rate);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("template", template);
        result.put("images_per_run", images);
        double none = median(rates.get("none"));
        for (String mode : modes) {
            result.put(mode.replace('-', '_') + "_images_per_second", Math.round(median(rates.get(mode)) * 10) / 10.0);
        }
        result.put("monitor_overhead_percent", round((none - median(rates.get("monitor"))) / none * 100));
        result.put("slow_consumer_overhead_percent", round((none - median(rates.get("slow-consumer"))) / none * 100));
        result.put("repeats", repeats);
        command.commandLine().getOut().println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result));
        return 0;
    }

    private static double run(NetworkSpec spec, Dataset data, String mode) throws Exception {
        if (mode.equals("none")) {
            return new Trainer(spec, data).train(TrainingListener.NONE).imagesPerSecond();
        }
        var monitor = new TrainingMonitor();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong seen = new AtomicLong();
        boolean slow = mode.equals("slow-consumer");
        Thread reader = new Thread(() -> {
            var cursor = TrainingMonitor.Cursor.START;
            double smoothed = 0;
            while (!done.get()) {
                var update = monitor.since(cursor);
                for (float loss : update.losses()) {
                    smoothed = 0.98 * smoothed + 0.02 * loss; // what a chart's smoothing does
                }
                seen.addAndGet(update.iterations().length);
                cursor = update.next();
                sleep(slow ? 2500 : 100); // a slow consumer: reads rarely, then takes its time

            }
            if (smoothed < 0) {
                throw new IllegalStateException();
            }
        }, "bench-reader");
        reader.start();
        try {
            return new Trainer(spec, data).train(monitor).imagesPerSecond();
        } finally {
            done.set(true);
            reader.join();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
