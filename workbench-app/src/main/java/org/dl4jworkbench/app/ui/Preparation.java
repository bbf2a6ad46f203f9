package org.dl4jworkbench.app.ui;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.dl4jworkbench.core.train.TrainingListener;

/**
 * The latest step of a run's work before its minibatches (computing a pretrained network's
 * features for every image, minutes on a CPU) and after them (the test images' features), kept
 * for the window's timer to read: the training thread only replaces one reference.
 */
final class Preparation implements TrainingListener {

    /** {@code done} of {@code total} images of {@code phase} ("computing MobileNet ... features"). */
    record Step(String phase, int done, int total) {

        boolean ongoing() {
            return done < total;
        }

        double fraction() {
            return total <= 0 ? -1 : (double) done / total;
        }

        /** "Computing MobileNet v1 0.75 (ImageNet) features: 412 of 1,000 images". */
        String text() {
            String p = phase.isEmpty() ? "Preparing" : Character.toUpperCase(phase.charAt(0)) + phase.substring(1);
            return String.format(Locale.ROOT, "%s: %,d of %,d images", p, done, total);
        }
    }

    private final AtomicReference<Step> latest = new AtomicReference<>();

    @Override
    public void onPreparing(String phase, int done, int total) {
        latest.set(new Step(phase, done, total));
    }

    /** The last step reported, or null. */
    Step latest() {
        return latest.get();
    }
}
