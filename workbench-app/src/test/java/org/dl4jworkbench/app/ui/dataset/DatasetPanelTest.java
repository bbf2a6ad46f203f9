package org.dl4jworkbench.app.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.ui.MainWindow;
import org.dl4jworkbench.app.ui.WorkbenchApp;
import org.dl4jworkbench.app.ui.WorkbenchModel;
import org.dl4jworkbench.core.data.catalog.Catalog;
import org.dl4jworkbench.core.data.catalog.CatalogEntry;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Dataset tab driven through the real window, headless (Monocle), with a real background executor. */
@ExtendWith(ApplicationExtension.class)
class DatasetPanelTest {

    /** mnist-mini's images per class (datasets/mnist-mini/README.md). */
    private static final int[] MINI_TRAIN = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    private static final int[] MINI_TEST = {175, 234, 219, 207, 217, 179, 178, 205, 192, 194};

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private WorkbenchModel model;
    private Stage extraStage;

    @Start
    void start(Stage stage) {
        model = WorkbenchModel.withDefaultProject(background);
        WorkbenchApp.useTheme(model.darkProperty());
        new MainWindow(model).show(stage);
    }

    @AfterEach
    void stopBackground() throws Exception {
        if (extraStage != null) {
            fx(() -> {
                extraStage.close();
                return null;
            });
        }
        background.shutdownNow();
        background.awaitTermination(20, TimeUnit.SECONDS); // before the temporary folders go
    }

    private void openDatasetTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#" + MainWindow.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
    }

    /** Waits (up to a minute) until {@code condition}, read on the FX thread, holds. */
    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean exists(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().isPresent();
    }

    /** Whether the node is there and it and all its parents are visible. */
    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).tryQuery().orElse(null);
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    private void awaitLoaded(FxRobot robot, String datasetName, int classes) throws Exception {
        await(() -> model.loadingProperty().get() == null && model.datasetProperty().get() != null
                && model.datasetProperty().get().name().equals(datasetName)
                && exists(robot, "#class-count-" + (classes - 1)) && !exists(robot, "#class-count-" + classes)
                && robot.lookup("#samples-" + (classes - 1)).tryQuery().isPresent());
    }

    @Test
    void theBuiltInMnistSubsetShowsItsTenClassesPerSplitWithSamples(FxRobot robot) throws Exception {
        openDatasetTab(robot);
        awaitLoaded(robot, "mnist-mini", 10);
        assertThat(text(robot, "#dataset-name")).isEqualTo("mnist-mini");
        assertThat(text(robot, "#input-shape")).isEqualTo("Images: 28x28x1 (gray), 10 classes");
        for (int c = 0; c < 10; c++) {
            assertThat(text(robot, "#class-name-" + c)).isEqualTo(String.valueOf(c));
            int[] split = Arrays.stream(text(robot, "#class-count-" + c).split(" / "))
                    .mapToInt(s -> Integer.parseInt(s.replace(",", ""))).toArray();
            assertThat(split[0] + split[1]).as("class %d training + validation", c).isEqualTo(MINI_TRAIN[c]);
            assertThat(split[1]).as("class %d validation", c).isEqualTo(Math.round(MINI_TRAIN[c] * 0.1f));
            assertThat(split[2]).as("class %d test", c).isEqualTo(MINI_TEST[c]);
            List<Node> samples = robot.lookup("#samples-" + c).queryAs(Pane.class).getChildren();
            assertThat(samples).hasSize(SamplesView.PER_CLASS);
            Image first = ((ImageView) samples.get(0)).getImage();
            assertThat(first.getWidth()).isEqualTo(28);
            assertThat(first.getHeight()).isEqualTo(28);
        }
        assertThat(text(robot, "#split-sizes")).isEqualTo("Training 9,001 · validation 999 · test 2,000 images");
        assertThat(shown(robot, "#dataset-mismatch")).isFalse();
        assertThat(shown(robot, "#skipped-files")).isFalse();

        robot.clickOn("#class-3"); // more of one class
        await(() -> exists(robot, "#samples-class"));
        assertThat(robot.lookup("#samples-class").queryAs(Pane.class).getChildren()).hasSize(SamplesView.MORE);
        assertThat(text(robot, "#samples-title")).isEqualTo("Class '3': 60 of 1,032 training images");
        robot.clickOn("#samples-all");
        await(() -> exists(robot, "#samples-9") && !exists(robot, "#samples-class"));
        robot.interact(() -> robot.lookup("#class-5").query().requestFocus());
        robot.type(KeyCode.ENTER); // the keyboard does the same
        await(() -> text(robot, "#samples-title").equals("Class '5': 60 of 863 training images"));
    }

    @Test
    void anImageFolderShowsItsClassesAndSkippedFileAndTheNetworkCanBeFittedToIt(FxRobot robot, @TempDir Path dir)
            throws Exception {
        openDatasetTab(robot);
        awaitLoaded(robot, "mnist-mini", 10);
        Path pets = petFolder(dir.resolve("pets"));
        String spec = FolderKind.specFor(pets);
        assertThat(spec).isEqualTo("folder:" + pets);
        robot.interact(() -> model.loadDataset(spec));
        awaitLoaded(robot, spec, 2);

        assertThat(text(robot, "#class-name-0")).isEqualTo("cats");
        assertThat(text(robot, "#class-name-1")).isEqualTo("dogs");
        assertThat(text(robot, "#class-count-0")).isEqualTo("4 / 1 / 1"); // 6 cats: 1 to test, 1 to validate
        assertThat(text(robot, "#input-shape")).isEqualTo("Images: decoded to 28x28x1 (gray) from 32x32 colour "
                + "images, 2 classes");
        assertThat(text(robot, "#skipped-title")).isEqualTo("1 file skipped");
        ListView<?> skipped = robot.lookup("#skipped-files").queryListView();
        assertThat(skipped.getItems()).hasSize(1);
        assertThat(skipped.getItems().get(0).toString()).startsWith("dogs/broken.png: ");
        assertThat(shown(robot, "#skipped-files")).isTrue();

        assertThat(shown(robot, "#" + MismatchBanner.ID)).isTrue();
        assertThat(text(robot, "#mismatch-text")).contains("has 10 classes but dataset '" + spec + "' has 2.")
                .contains("The images are 32x32 colour; they are converted to the network's 28x28x1 input.");
        assertThat(robot.lookup("#" + MismatchBanner.ID).query().getStyleClass()).contains("banner-error");

        robot.clickOn("#" + MismatchBanner.FIT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.editor().spec().input()).isEqualTo(new InputSpec(32, 32, 3));
        assertThat(model.editor().spec().output().classes()).isEqualTo(2);
        assertThat(model.editor().undoTextProperty().get()).isEqualTo("Undo Fit the network to " + spec);
        // the folder is decoded anew at the network's new input size
        await(() -> model.loadingProperty().get() == null && model.datasetProperty().get().train().channels() == 3);
        await(() -> !shown(robot, "#" + MismatchBanner.ID));
        assertThat(model.editor().analysis().errors()).isEmpty();
        assertThat(text(robot, "#input-shape")).startsWith("Images: decoded to 32x32x3 (colour)");

        robot.interact(model.editor()::undo);
        assertThat(model.editor().spec().input()).isEqualTo(new InputSpec(28, 28, 1));
        assertThat(model.editor().spec().output().classes()).isEqualTo(10);
        await(() -> model.loadingProperty().get() == null && model.datasetProperty().get().train().channels() == 1
                && shown(robot, "#" + MismatchBanner.ID));
    }

    @Test
    void augmentationSettingsEditTheSpecUndoablyAndThePreviewFollows(FxRobot robot) throws Exception {
        openDatasetTab(robot);
        awaitLoaded(robot, "mnist-mini", 10);
        await(() -> exists(robot, "#preview-3-5"));
        assertThat(model.editor().spec().data().augmentation().isNone()).isTrue();
        assertThat(samePixels(robot, "#preview-0-0", "#preview-0-1")).isTrue(); // no augmentation: copies equal

        Spinner<?> rotation = robot.lookup("#augment-rotation").queryAs(Spinner.class);
        robot.interact(() -> {
            rotation.getEditor().setText("30");
            rotation.commitValue();
        });
        assertThat(model.editor().spec().data().augmentation().rotation()).isEqualTo(30.0);
        assertThat(model.editor().undoTextProperty().get()).isEqualTo("Undo Change rotation");
        await(() -> !samePixels(robot, "#preview-0-0", "#preview-0-1")
                && !samePixels(robot, "#preview-1-0", "#preview-1-1"));

        robot.clickOn("#augment-flip");
        assertThat(model.editor().spec().data().augmentation().flip()).isTrue();
        Spinner<?> validation = robot.lookup("#validation-share").queryAs(Spinner.class);
        robot.interact(() -> {
            validation.getEditor().setText("20 %");
            validation.commitValue();
        });
        assertThat(model.editor().spec().data().validationSplit()).isEqualTo(0.2);
        await(() -> text(robot, "#class-count-0").equals("801 / 200 / 175"));
        ChoiceBox<?> normalization = robot.lookup("#normalization").queryAs(ChoiceBox.class);
        robot.interact(() -> ((ChoiceBox<Normalization>) normalization).setValue(Normalization.STANDARDIZE));
        assertThat(model.editor().spec().data().normalization()).isEqualTo(Normalization.STANDARDIZE);

        for (int i = 0; i < 4; i++) {
            robot.interact(model.editor()::undo);
        }
        assertThat(model.editor().spec().data().augmentation().isNone()).isTrue();
        assertThat(robot.lookup("#augment-flip").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(rotation.getValue()).isEqualTo(0.0);
        await(() -> samePixels(robot, "#preview-0-0", "#preview-0-1"));

        Image before = robot.lookup("#preview-0-0").queryAs(ImageView.class).getImage();
        robot.clickOn("#augment-shuffle"); // other images
        await(() -> robot.lookup("#preview-0-0").queryAs(ImageView.class).getImage() != before);
    }

    @Test
    void aDownloadThatCannotReachAnyServerSaysWhereToPutTheFilesByHand(FxRobot robot, @TempDir Path dataRoot)
            throws Exception {
        URI refused;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } // closed: nothing answers there
        URI base = refused;
        CatalogEntry offline = Catalog.MNIST.withFiles(Catalog.MNIST.files().stream()
                .map(f -> f.withUrls(List.of(base.resolve(f.name())))).toList());
        Node panel = openPanel(dataRoot, offline);
        await(() -> robot.from(panel).lookup("#catalog-state-mnist").queryAs(Label.class).getText()
                .equals("not downloaded"));
        Button download = robot.from(panel).lookup("#catalog-mnist").queryButton();
        assertThat(download.getText()).isEqualTo("Download (11.6 MB)");
        robot.interact(download::fire);
        await(() -> robot.from(panel).lookup("#catalog-error-mnist").tryQuery().isPresent());
        String message = robot.from(panel).lookup("#catalog-error-mnist").queryAs(TextArea.class).getText();
        assertThat(message).startsWith("could not download mnist: no location of train-images-idx3-ubyte.gz could "
                + "be reached").contains("To install it by hand").contains(dataRoot.resolve("mnist").toString())
                .contains("t10k-labels-idx1-ubyte.gz").doesNotContain("http://yann.lecun.com");
        assertThat(download.isDisabled()).isFalse();
        assertThat(model.datasetProperty().get().name()).isEqualTo("mnist-mini"); // nothing else was opened
    }

    @Test
    void aDownloadShowsItsProgressAndCancelKeepsWhatCameToResume(FxRobot robot, @TempDir Path dataRoot)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> { // 64 KB at once, then a trickle
            exchange.sendResponseHeaders(200, 9_912_422);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[65_536]);
                out.flush();
                for (int i = 0; i < 600; i++) {
                    Thread.sleep(50);
                    out.write(new byte[1024]);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            CatalogEntry slow = Catalog.MNIST.withFiles(Catalog.MNIST.files().stream()
                    .map(f -> f.withUrls(List.of(base.resolve(f.name())))).toList());
            Node panel = openPanel(dataRoot, slow);
            await(() -> !robot.from(panel).lookup("#catalog-mnist").queryButton().isDisabled());
            robot.interact(robot.from(panel).lookup("#catalog-mnist").queryButton()::fire);
            await(() -> robot.from(panel).lookup("#catalog-progress-mnist").queryAs(ProgressBar.class)
                    .getProgress() > 0);
            assertThat(robot.from(panel).lookup("#catalog-mnist").queryButton().isDisabled()).isTrue();
            robot.interact(robot.from(panel).lookup("#catalog-cancel-mnist").queryButton()::fire);
            await(() -> robot.from(panel).lookup("#catalog-error-mnist").tryQuery().isPresent()
                    && robot.from(panel).lookup("#catalog-mnist").queryButton().getText().equals("Resume download"));
            assertThat(robot.from(panel).lookup("#catalog-error-mnist").queryAs(TextArea.class).getText())
                    .startsWith("Download cancelled. What was fetched is kept");
            assertThat(robot.from(panel).lookup("#catalog-state-mnist").queryAs(Label.class).getText())
                    .startsWith("partly downloaded (");
        } finally {
            server.stop(0);
        }
    }

    /** MobileNet has no download location: its card says where to put the file, then checks it there. */
    @Test
    void aPretrainedNetworkIsInstalledByHandFromItsCard(FxRobot robot, @TempDir Path dataRoot) throws Exception {
        PretrainedEntry mobilenet = PretrainedCatalog.MOBILENET_V1_075;
        Path shared = Path.of("..", "..", "shared", "data", mobilenet.file().name()).toAbsolutePath().normalize();
        assertThat(shared).as("the shared data file (../shared/data beside the repository, see its README.md)")
                .isRegularFile();
        Node panel = fx(() -> {
            var node = new DatasetPanel(model, dataRoot, List.of(), List.of(mobilenet)).node();
            extraStage = new Stage();
            extraStage.setScene(new Scene((Parent) node, 900, 700));
            extraStage.show();
            return node;
        });
        await(() -> robot.from(panel).lookup("#catalog-state-mobilenet-v1-0-75").queryAs(Label.class).getText()
                .equals("not downloaded"));
        Button install = robot.from(panel).lookup("#catalog-mobilenet-v1-0-75").queryButton();
        assertThat(install.getText()).isEqualTo("How to install");
        robot.interact(install::fire);
        await(() -> robot.from(panel).lookup("#catalog-error-mobilenet-v1-0-75").tryQuery().isPresent());
        assertThat(robot.from(panel).lookup("#catalog-error-mobilenet-v1-0-75").queryAs(TextArea.class).getText())
                .contains("Put mobilenet_v1_0.75_224_imagenet.h5 (10,659,272 bytes, SHA-256 3f4c38af",
                        "into " + mobilenet.folder(dataRoot));

        Files.copy(shared, mobilenet.modelFile(dataRoot));
        robot.interact(install::fire);
        await(() -> install.getText().equals("Installed"));
        assertThat(install.isDisabled()).isTrue();
        assertThat(robot.from(panel).lookup("#catalog-state-mobilenet-v1-0-75").queryAs(Label.class).getText())
                .isEqualTo("downloaded, verified");
        assertThat(model.datasetProperty().get().name()).isEqualTo("mnist-mini"); // a network opens no dataset
    }

    /**
     * A second dataset panel, on {@code entry} kept in {@code dataRoot}. Look up only inside it: the main
     * window's catalogue is the real one, in the user's data folder.
     */
    private Node openPanel(Path dataRoot, CatalogEntry entry) throws Exception {
        return fx(() -> {
            var node = new DatasetPanel(model, dataRoot, List.of(entry)).node();
            extraStage = new Stage();
            extraStage.setScene(new Scene((Parent) node, 900, 700));
            extraStage.show();
            return node;
        });
    }

    private static boolean samePixels(FxRobot robot, String a, String b) {
        Image x = robot.lookup(a).queryAs(ImageView.class).getImage();
        Image y = robot.lookup(b).queryAs(ImageView.class).getImage();
        for (int row = 0; row < x.getHeight(); row++) {
            for (int col = 0; col < x.getWidth(); col++) {
                if (x.getPixelReader().getArgb(col, row) != y.getPixelReader().getArgb(col, row)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Six 32x32 colour PNGs of cats (discs) and dogs (stripes), and one PNG cut short. */
    private static Path petFolder(Path dir) throws Exception {
        for (String pet : List.of("cats", "dogs")) {
            Files.createDirectories(dir.resolve(pet));
            for (int i = 0; i < 6; i++) {
                var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(40, 60 + i * 20, 90));
                g.fillRect(0, 0, 32, 32);
                g.setColor(Color.ORANGE);
                if (pet.equals("cats")) {
                    g.fillOval(6 + i, 6, 18, 18);
                } else {
                    for (int x = i % 3; x < 32; x += 6) {
                        g.fillRect(x, 0, 3, 32);
                    }
                }
                g.dispose();
                ImageIO.write(image, "png", dir.resolve(pet).resolve(pet + "-" + i + ".png").toFile());
            }
        }
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png);
        Files.write(dir.resolve("dogs/broken.png"), Arrays.copyOf(png.toByteArray(), png.size() / 2));
        return dir;
    }
}
