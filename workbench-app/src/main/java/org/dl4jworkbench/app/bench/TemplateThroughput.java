package org.dl4jworkbench.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;

/**
 * The {@code templates} part of {@code bench training} (issue 13): each template's own network
 * and minibatch, trained for a few epochs on the given dataset decoded to the template's input,
 * and its training throughput as the median of the epochs after the first (the warm-up).
 * Where the dataset cannot give a template's input (IDX digits for a colour template), the
 * template trains on generated images of its input shape: a network's speed does not depend
 * on what it sees. The PyTorch peers train without augmentation and without a validation
 * split, so by default the template's augmentation is off and nothing is held back here too.
 */
final class TemplateThroughput {

    /** Generated images per epoch where the dataset cannot feed a template and no limit is given. */
    static final int GENERATED_IMAGES = 2000;

    /**
     * Test images kept: the run ends with a test evaluation that is not timed; a few hundred
     * keep it from costing more than the measurement on the 10,000 CIFAR-10 test images.
     */
    static final int TEST_IMAGES = 500;

    /** One template's figures. {@code dataset} names the data or says "generated". */
    record Row(String template, String dataset, String input, int batch, int imagesPerEpoch, boolean augmentation,
               double imagesPerSecond, List<Double> epochRates) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("template", template);
            m.put("dataset", dataset);
            m.put("input", input);
            m.put("batch", batch);
            m.put("images_per_epoch", imagesPerEpoch);
            m.put("augmentation", augmentation);
            m.put("images_per_second", imagesPerSecond);
            m.put("epoch_images_per_second", epochRates);
            return m;
        }
    }

    private final String dataset;
    private final int epochs;
    private final int limit;
    private final int batch;
    private final boolean augmentation;
    private final PrintWriter err;
    private final Map<String, Dataset> opened = new HashMap<>();

    TemplateThroughput(String dataset, int epochs, int limit, int batch, boolean augmentation, PrintWriter err) {
        this.dataset = dataset;
        this.epochs = epochs;
        this.limit = limit;
        this.batch = batch;
        this.augmentation = augmentation;
        this.err = err;
    }

    /** Every template a network is trained from here; the transfer template is {@code bench transfer}'s. */
    static List<String> trainable() {
        return Templates.all().stream().filter(t -> !t.spec().hasBackbone()).map(Template::id).toList();
    }

    /** Ids that are not a template this part measures, for the command's message. */
    static List<String> unknown(List<String> ids) {
        return ids.stream().filter(id -> !trainable().contains(id)).toList();
    }

    Row measure(String id) throws IOException, InvalidDataException {
        NetworkSpec template = Templates.find(id).orElseThrow().spec();
        InputSpec input = template.input();
        Dataset data = open(input);
        String source = dataset;
        if (!fits(data, input)) {
            err.printf(Locale.ROOT, "%s: %s gives %dx%dx%d images, the template takes %s: generated images instead%n",
                    id, dataset, data.train().height(), data.train().width(), data.train().channels(), input);
            data = generated(limit > 0 ? limit : GENERATED_IMAGES, input, template.output().classes());
            source = "generated";
        }
        ImageSet train = limit > 0 ? data.train().head(limit) : data.train();
        data = new Dataset(data.name(), train, data.test().head(TEST_IMAGES));
        NetworkSpec spec = template.withOutput(new OutputSpec(data.classNames().size()))
                .withTraining(template.training().withEpochs(epochs)
                        .withBatchSize(batch > 0 ? batch : template.training().batchSize()).withEarlyStopping(null))
                .withData(template.data().withValidationSplit(0)
                        .withAugmentation(augmentation ? template.data().augmentation() : AugmentationSpec.NONE));
        var run = BenchTrainingCommand.throughput(spec, data, err, id);
        return new Row(id, source, input.toString(), spec.training().batchSize(), train.size(),
                !spec.data().augmentation().isNone(), BenchTrainingCommand.round(BenchTrainingCommand.median(
                        run.rates())), run.rates());
    }

    /** The dataset decoded to {@code input} where it is an image folder; as it is otherwise. Opened once per size. */
    private Dataset open(InputSpec input) throws IOException, InvalidDataException {
        Dataset data = opened.get(input.toString());
        if (data == null) {
            data = Datasets.open(dataset, DatasetOptions.defaults().withSize(input.height(), input.width(),
                    input.channels()));
            opened.put(input.toString(), data);
        }
        return data;
    }

    private static boolean fits(Dataset data, InputSpec input) {
        ImageSet train = data.train();
        return train.height() == input.height() && train.width() == input.width()
                && train.channels() == input.channels();
    }

    /** Random images of {@code input}'s shape, labels cycling through {@code classes}, and a small test set. */
    static Dataset generated(int images, InputSpec input, int classes) {
        var random = new Random(7);
        List<String> names = IntStream.range(0, classes).mapToObj(String::valueOf).toList();
        return new Dataset("generated-" + input, shaped(random, images, input, names),
                shaped(random, Math.min(images, TEST_IMAGES), input, names));
    }

    private static ImageSet shaped(Random random, int images, InputSpec input, List<String> names) {
        byte[] pixels = new byte[images * input.height() * input.width() * input.channels()];
        random.nextBytes(pixels);
        int[] labels = IntStream.range(0, images).map(i -> i % names.size()).toArray();
        return ImageSet.of(pixels, labels, input.height(), input.width(), input.channels(), names);
    }

    /** The rows as the JSON line holds them. */
    static List<Map<String, Object>> json(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toJson()));
        return out;
    }
}
