package org.dl4jworkbench.app.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.cli.SizeConverter;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench decode}: how long opening an image folder takes the first time
 * (decoding every file into the cache) and the second (reading the cache), on a folder of
 * photo-sized JPEGs it generates once.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Measures the decode cache: first and second open of an image folder, images decoded per "
                + "second, peak memory. Prints one JSON line.",
            "Generates the folder of JPEGs (two classes, 250 to 500 pixels a side) on first use."})
final class BenchDecodeCommand implements Callable<Integer> {

    @Option(names = "--images", paramLabel = "N", defaultValue = "20000",
            description = "Images in the folder (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--dir", paramLabel = "DIR", description = "The folder (default: under the cache folder).")
    Path dir;

    @Option(names = "--size", paramLabel = "HxWxC", defaultValue = "128x128x3", converter = SizeConverter.class,
            description = "Size to decode to (default: ${DEFAULT-VALUE}).")
    org.dl4jworkbench.core.spec.InputSpec size;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        Path folder = dir != null ? dir : WorkbenchDirs.cache().resolve("bench-images-" + images);
        Path cache = Files.createTempDirectory("workbench-bench-cache");
        try {
            generate(folder, images, err);
            DatasetOptions options = DatasetOptions.defaults().withCacheDir(cache)
                    .withSize(size.height(), size.width(), size.channels());
            long t0 = System.nanoTime();
            Dataset first = Datasets.open("folder:" + folder, options);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Dataset second = Datasets.open("folder:" + folder, options);
            double secondSeconds = (System.nanoTime() - t1) / 1e9;
            int count = first.train().size() + first.test().size();
            if (second.train().size() + second.test().size() != count) {
                throw new IllegalStateException("the cache gave a different dataset");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("images", count);
            result.put("decoded_size", size.toString());
            result.put("first_open_seconds", round(firstSeconds));
            result.put("second_open_seconds", round(secondSeconds));
            result.put("speedup", round(firstSeconds / secondSeconds));
            result.put("images_per_second_decoded", Math.round(count / firstSeconds));
            result.put("cache_bytes", folderSize(cache));
            result.put("peak_rss_mb", peakRssMb());
            result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
            result.put("threads", Runtime.getRuntime().availableProcessors());
            command.commandLine().getOut().println(Json.mapper().writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
            return 0;
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        } finally {
            try (Stream<Path> walk = Files.walk(cache)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes {@code count} JPEGs (half "a", half "b") unless the folder already holds them. */
    static void generate(Path folder, int count, PrintWriter err) throws Exception {
        Path marker = folder.resolve(".complete");
        if (Files.exists(marker)) {
            return;
        }
        err.printf(Locale.ROOT, "Generating %,d JPEGs in %s (once) ...%n", count, folder);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            var tasks = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(pool.submit(() -> {
                    Random random = new Random(index);
                    String label = index % 2 == 0 ? "a" : "b";
                    Path file = folder.resolve(label).resolve(String.format("%s.%05d.jpg", label, index));
                    Files.createDirectories(file.getParent());
                    ImageIO.write(photo(random, index % 2), "jpg", file.toFile());
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }
        Files.writeString(marker, "");
    }

    private static BufferedImage photo(Random random, int label) {
        int w = 250 + random.nextInt(251);
        int h = 250 + random.nextInt(251);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), w, h,
                new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, w, h);
        for (int s = 0; s < 12; s++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int d = 20 + random.nextInt(120);
            if (label == 0) {
                g.fillOval(x, y, d, d);
            } else {
                g.fillRect(x, y, d, d / 3);
            }
        }
        g.dispose();
        return image;
    }

    private static long folderSize(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Peak resident memory of this process (Linux: VmHWM), or -1 where unknown. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
