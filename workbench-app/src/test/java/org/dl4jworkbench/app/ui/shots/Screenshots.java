package org.dl4jworkbench.app.ui.shots;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchApp;
import org.dl4jworkbench.app.ui.WorkbenchModel;

/**
 * Takes the screenshots in docs/: opens the real window on the default project, waits for
 * the dataset, runs a {@link Scenario} on the FX thread, waits as long as it asks, and
 * writes the newest window (a dialog the scenario opened, else the workbench) as a PNG. Run through {@code scripts/screenshot.sh} under Xvfb.
 *
 * <p>Arguments: {@code SCENARIO_CLASS OUT.png [dark]}.
 */
public final class Screenshots {

    /** What to do in the window before the picture is taken. */
    public interface Scenario {
        /**
         * Runs on the FX thread once the default dataset is loaded; returns how many seconds
         * to wait before the picture (training, say).
         */
        double act(MainWindow window, WorkbenchModel model, Stage stage) throws Exception;
    }

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Screenshots SCENARIO_CLASS OUT.png [dark]");
            System.exit(2);
        }
        Scenario scenario = (Scenario) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Path out = Path.of(args[1]).toAbsolutePath();
        boolean dark = args.length > 2 && args[2].equals("dark");
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ExecutorService background = Executors.newFixedThreadPool(2);
        var window = new MainWindow[1];
        var model = new WorkbenchModel[1];
        var stage = new Stage[1];
        onFx(() -> {
            model[0] = WorkbenchModel.withDefaultProject(background);
            model[0].darkProperty().set(dark);
            WorkbenchApp.useTheme(model[0].darkProperty());
            stage[0] = new Stage();
            window[0] = new MainWindow(model[0]);
            window[0].show(stage[0]);
            return null;
        });
        for (int i = 0; i < 600 && onFx(() -> model[0].datasetProperty().get() == null); i++) {
            Thread.sleep(100);
        }
        double wait = onFx(() -> scenario.act(window[0], model[0], stage[0]));
        Thread.sleep((long) (Math.max(1.0, wait) * 1000));
        // the newest window: a dialog the scenario opened, else the workbench window
        WritableImage image = onFx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .reduce((first, second) -> second).orElse(stage[0]).getScene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        var buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(out.getParent());
        ImageIO.write(buffered, "png", out.toFile());
        System.out.println("wrote " + out + " (" + w + "x" + h + ")");
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }
}
