package org.dl4jworkbench.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window for a TestFX test: a model on one background thread with mnist-mini loading,
 * themed and shown on the test's stage. Made in the test's {@code @Start}, closed in its
 * {@code @AfterEach}.
 */
public final class WindowHarness {

    private final ExecutorService background;
    private final Path settings;
    private final WorkbenchModel model;
    private final MainWindow window;

    private WindowHarness(ExecutorService background, Path settings, WorkbenchModel model, Stage stage) {
        this.background = background;
        this.settings = settings;
        this.model = model;
        WorkbenchApp.useTheme(model.darkProperty());
        this.window = new MainWindow(model);
        window.show(stage);
    }

    /** The window on a model keeping its recent projects and autosaves in a new folder under {@code dir}. */
    public static WindowHarness withSettingsIn(Path dir, Stage stage) throws IOException {
        ExecutorService background = Executors.newSingleThreadExecutor();
        Path settings = Files.createTempDirectory(dir, "settings");
        var model = new WorkbenchModel(background, settings);
        model.loadDataset("mnist-mini");
        return new WindowHarness(background, settings, model, stage);
    }

    /** The window on {@link WorkbenchModel#withDefaultProject}, with the default settings folder. */
    public static WindowHarness withDefaultProject(Stage stage) {
        ExecutorService background = Executors.newSingleThreadExecutor();
        return new WindowHarness(background, null, WorkbenchModel.withDefaultProject(background), stage);
    }

    public WorkbenchModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }

    /** The settings folder of {@link #withSettingsIn}; null with the default one. */
    public Path settings() {
        return settings;
    }

    /** The one thread all of the model's background work runs on. */
    public ExecutorService background() {
        return background;
    }

    /** Waits until the background work queued so far has finished and its results reached the FX thread. */
    public void settle() throws Exception {
        settle(1);
    }

    /**
     * {@link #settle()} {@code rounds} times: results reaching the FX thread may queue more background
     * work.
     */
    public void settle(int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            background.submit(() -> { }).get(120, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Waits (polling on the FX thread, up to {@code seconds}) until {@code condition} holds. */
    public static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label that {@code query} (such as {@code "#status"}) finds. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Stops the background thread. */
    public void close() {
        background.shutdownNow();
    }
}
