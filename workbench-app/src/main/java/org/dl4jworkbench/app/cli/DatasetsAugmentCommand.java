package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.data.Augmenter;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.image.ImageGrid;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench datasets augment SPEC}: a PNG of training images beside augmented versions of them. */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = {"Writes a PNG grid: each row one training image, then augmented versions of it, as "
                + "training will see them.",
            "The augmentation is the network's (--template, --spec) unless given here."})
final class DatasetsAugmentCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "The dataset: mnist-mini, idx:DIR, cifar10:DIR, folder:DIR, ...")
    String dataset;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--out", paramLabel = "FILE.png", defaultValue = "augmented.png",
            description = "Where to write the grid (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--images", paramLabel = "N", defaultValue = "6", description = "Rows (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--variants", paramLabel = "N", defaultValue = "7",
            description = "Augmented versions per image (default: ${DEFAULT-VALUE}).")
    int variants;

    @Option(names = "--flip", description = "Random horizontal flips.")
    Boolean flip;

    @Option(names = "--rotation", paramLabel = "DEGREES", description = "Largest rotation either way.")
    Double rotation;

    @Option(names = "--translation", paramLabel = "SHARE", description = "Largest shift, as a share of the size.")
    Double translation;

    @Option(names = "--zoom", paramLabel = "SHARE", description = "Largest zoom in or out, e.g. 0.1.")
    Double zoom;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random changes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        var err = command.commandLine().getErr();
        NetworkSpec spec;
        Dataset data;
        try {
            spec = network.load();
            data = DatasetLoading.open(dataset, spec.input(), err);
        } catch (UserError | InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        AugmentationSpec a = spec.data().augmentation();
        a = new AugmentationSpec(flip != null ? flip : a.flip(), rotation != null ? rotation : a.rotation(),
                translation != null ? translation : a.translation(), zoom != null ? zoom : a.zoom());
        if (a.isNone()) {
            err.println("note: network '" + spec.name() + "' has no augmentation; the copies equal the originals. "
                    + "Try --flip --rotation 10 --translation 0.1 --zoom 0.1");
        }
        var augmenter = new Augmenter(a);
        ImageSet train = data.train();
        Random random = new Random(seed);
        List<List<byte[]>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(images, train.size()); r++) {
            byte[] original = new byte[train.imageSize()];
            train.copyBytes(random.nextInt(train.size()), original, 0);
            List<byte[]> row = new ArrayList<>();
            row.add(original);
            for (int v = 0; v < variants; v++) {
                row.add(augmenter.apply(original, train.height(), train.width(), train.channels(), random));
            }
            rows.add(row);
        }
        ImageGrid.writePng(rows, train.height(), train.width(), train.channels(), out);
        command.commandLine().getOut().println("Augmented samples written to " + out + " (first column: the "
                + "originals; augmentation: flip " + a.flip() + ", rotation " + a.rotation() + " degrees, shift "
                + a.translation() + ", zoom " + a.zoom() + ")");
        return 0;
    }
}
