package org.dl4jworkbench.app.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetReport;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Splits;

/**
 * What the dataset panel shows about a dataset: per class, how many images go to training,
 * validation and test once the network's validation share is held back (the same stratified
 * split, from the same seed, as training makes), and a line on the image size. Plain data,
 * computed off the FX thread.
 */
record DatasetStats(String name, String imagesText, List<ClassCount> classes, int train, int validation, int test) {

    /** One class's images per split. */
    record ClassCount(String name, int train, int validation, int test) {
        int total() {
            return train + validation + test;
        }
    }

    static DatasetStats of(Dataset data, double validationShare, long seed) {
        // An out-of-range share is the analyzer's to flag; count as training would not start anyway.
        double share = validationShare >= 0 && validationShare < 1 ? validationShare : 0;
        Splits.Split split = Splits.stratified(data.train(), share, seed);
        int[] train = split.kept().classCounts();
        int[] validation = split.heldOut().classCounts();
        int[] test = data.test().classCounts();
        List<ClassCount> classes = new ArrayList<>();
        for (int c = 0; c < data.classNames().size(); c++) {
            classes.add(new ClassCount(data.classNames().get(c), train[c], validation[c], test[c]));
        }
        return new DatasetStats(data.name(), imagesText(data), classes, split.kept().size(), split.heldOut().size(),
                data.test().size());
    }

    int largestClass() {
        return classes.stream().mapToInt(ClassCount::total).max().orElse(0);
    }

    /** "28x28x1 (gray)" or, for image folders, "decoded to 28x28x1 from 40x40 to 199x180 colour images". */
    static String imagesText(Dataset data) {
        ImageSet t = data.train();
        String size = t.height() + "x" + t.width() + "x" + t.channels() + (t.channels() == 1 ? " (gray)" : " (colour)");
        if (!data.resizable()) {
            return size;
        }
        DatasetReport r = data.report();
        String source = r.uniformSize() ? r.minHeight() + "x" + r.minWidth()
                : String.format(Locale.ROOT, "%dx%d to %dx%d", r.minHeight(), r.minWidth(), r.maxHeight(), r.maxWidth());
        return "decoded to " + size + " from " + source + (r.sourceChannels() == 1 ? " gray" : " colour") + " images";
    }
}
