package org.dl4jworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dl4jworkbench.core.spec.Activation.RELU;
import static org.dl4jworkbench.core.spec.Padding.SAME;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.data.CifarFixtures;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.Prediction;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every network the workbench can train is a model it can use: each template, and a network
 * with each layer kind in each position, trains for a few minibatches through
 * {@link TrainingRun} (as the command line and the window train), is saved as
 * {@code model.zip}, reopened through the full screening of {@link ModelFiles#load} and
 * predicts a real image. Models with a dropout layer were once refused at this last step.
 * Each optimizer and schedule reopens too, also after a resumed epoch. Small data and batches
 * of 16 keep all of it well under a minute.
 */
class EveryNetworkReopensTest {

    private static final int BATCH = 16;

    @TempDir
    static Path dir;
    static Dataset mnist;
    static Dataset cifar;
    static Dataset folder;
    static Map<Integer, Path> images;

    @BeforeAll
    static void data() throws Exception {
        Dataset mini = Datasets.open("mnist-mini");
        mnist = small(mini, 48, 8);
        Path cifarDir = CifarFixtures.writeLearnable(dir.resolve("cifar"), 50, 10, 7);
        cifar = small(Datasets.open("cifar10:" + cifarDir), 48, 8);
        Path photos = ImageFixtures.catsAndDogs(dir.resolve("photos"), 16, false, 3);
        folder = Datasets.open("folder:" + photos, DatasetOptions.defaults().withSize(32, 32, 3)
                .withCacheDir(dir.resolve("cache")));
        images = Map.of(1, png(mnist.test(), 0, dir.resolve("digit.png")),
                3, png(cifar.test(), 0, dir.resolve("colour.png")));
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateTrainsSavesReopensAndPredicts() {
        // The transfer template trains from the pretrained MobileNet: TransferTrainingTest and the graph model tests.
        return Templates.all().stream().filter(t -> !t.spec().hasBackbone()).map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            Dataset data = dataFor(t);
            NetworkSpec spec = t.spec().withInput(new InputSpec(data.train().height(), data.train().width(),
                    data.train().channels()));
            trainSaveReopenPredict(spec, data);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLayerKindInEveryPositionTrainsSavesReopensAndPredicts() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, List<LayerSpec>> before = new java.util.LinkedHashMap<>();
        before.put("input", List.of());
        before.put("conv", List.of(conv()));
        before.put("pool", List.of(conv(), PoolingSpec.max(2)));
        before.put("dense", List.of(DenseSpec.of(16, RELU)));
        Map<String, LayerSpec> kinds = new java.util.LinkedHashMap<>();
        kinds.put("conv", conv());
        kinds.put("pool", PoolingSpec.max(2));
        kinds.put("dense", DenseSpec.of(16, RELU));
        kinds.put("dropout", DropoutSpec.of(0.5));
        kinds.put("batch-norm", BatchNormSpec.create());
        before.forEach((after, prefix) -> kinds.forEach((kind, layer) -> {
            if (after.equals("dense") && (kind.equals("conv") || kind.equals("pool"))) {
                return; // images are flat after a dense layer: the editor refuses these
            }
            for (boolean last : new boolean[] {true, false}) {
                List<LayerSpec> layers = new ArrayList<>(prefix);
                layers.add(layer);
                if (!last) {
                    layers.add(DenseSpec.of(16, RELU));
                }
                String name = kind + " after " + after + (last ? ", before the output" : ", before a dense layer");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    trainSaveReopenPredict(new NetworkSpec("kinds", new InputSpec(28, 28, 1), layers,
                            new OutputSpec(10), TrainingSpec.adam(0.001, BATCH, 1)), mnist);
                }));
            }
        }));
        assertThat(tests).hasSize(36);
        return tests.stream();
    }

    /**
     * Training settings change the saved configuration (the updater, its learning-rate
     * schedule, which a resumed run sets again): each optimizer with each schedule, L2 and
     * early stopping, trained an epoch, resumed for a second, reopens.
     */
    @TestFactory
    Stream<DynamicTest> everyOptimizerAndScheduleReopensAlsoAfterResuming() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Optimizer optimizer : Optimizer.values()) {
            for (Schedule schedule : List.of(Schedule.CONSTANT, new Schedule.Step(1, 0.5), Schedule.COSINE)) {
                tests.add(DynamicTest.dynamicTest(optimizer + ", " + schedule, () -> {
                    TrainingSpec training = TrainingSpec.adam(0.001, BATCH, 1).withOptimizer(optimizer, 0.01)
                            .withSchedule(schedule, schedule == Schedule.COSINE ? 0.5 : 0).withL2(0.0001)
                            .withEarlyStopping(new EarlyStoppingSpec(EarlyStoppingSpec.Metric.VALIDATION_LOSS, 3, 0));
                    NetworkSpec spec = new NetworkSpec("settings", new InputSpec(28, 28, 1),
                            List.of(DenseSpec.of(16, RELU)), new OutputSpec(10), training);
                    TrainingRun run = trainSaveReopenPredict(spec, mnist);
                    ResumePlan plan = ResumePlan.of(run.folder().dir(), 2);
                    plan.start(mnist, "test").execute(TrainingListener.NONE, RunFolderListener.NONE, w -> { });
                    assertThat(ModelFiles.load(run.folder().model()).spec().training().epochs()).isEqualTo(2);
                }));
            }
        }
        return tests.stream();
    }

    private static TrainingRun trainSaveReopenPredict(NetworkSpec asGiven, Dataset data) throws Exception {
        NetworkSpec spec = asGiven.withTraining(asGiven.training().withEpochs(1).withBatchSize(BATCH));
        TrainingRun run = TrainingRun.start(spec, data, data.name(), null, dir.resolve("runs"), "test");
        List<String> warnings = new ArrayList<>();
        TrainingResult result = run.execute(TrainingListener.NONE, RunFolderListener.NONE, warnings::add);
        assertThat(result.reason()).as(result.message()).isEqualTo(StopReason.COMPLETED);
        assertThat(warnings).isEmpty();

        LoadedModel model = ModelFiles.load(run.folder().model());
        assertThat(model.spec()).isEqualTo(spec);
        assertThat(model.classNames()).isEqualTo(data.classNames());
        Predictor predictor = new Predictor(model);
        Prediction prediction = predictor.predict(imageFor(data), data.classNames().size());
        assertThat(prediction.probabilities()).hasSize(data.classNames().size());
        assertThat(Arrays.stream(prediction.probabilities()).sum()).isCloseTo(1.0, within(1e-4));
        assertThat(Arrays.stream(prediction.probabilities()).allMatch(p -> p >= 0 && p <= 1)).isTrue();
        assertThat(data.classNames()).contains(prediction.best().name());
        return run;
    }

    private static Dataset dataFor(Template t) {
        return switch (t.dataset()) {
            case "mnist" -> mnist;
            case "cifar10" -> cifar;
            case "folder" -> folder;
            default -> throw new AssertionError("no test data for template " + t.id() + "'s dataset " + t.dataset());
        };
    }

    private static Path imageFor(Dataset data) throws Exception {
        if (data == folder) {
            Path file = dir.resolve("photo.png");
            if (!Files.exists(file)) {
                ImageIO.write(ImageFixtures.pattern(1, 90, 70, new java.util.Random(5)), "png", file.toFile());
            }
            return file;
        }
        return images.get(data.train().channels());
    }

    private static ConvolutionSpec conv() {
        return ConvolutionSpec.of(4, 3, SAME, RELU);
    }

    private static Dataset small(Dataset data, int train, int test) {
        return new Dataset(data.name(), data.train().head(train), data.test().head(test));
    }

    /** Image {@code index} of {@code set} as a PNG, from its channel-planar bytes. */
    private static Path png(ImageSet set, int index, Path file) throws Exception {
        int h = set.height();
        int w = set.width();
        byte[] pixels = new byte[set.imageSize()];
        set.copyBytes(index, pixels, 0);
        var image = new BufferedImage(w, h, set.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (set.channels() == 1) {
                    image.getRaster().setSample(x, y, 0, pixels[p] & 0xff);
                } else {
                    int r = pixels[p] & 0xff;
                    int g = pixels[h * w + p] & 0xff;
                    int b = pixels[2 * h * w + p] & 0xff;
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
