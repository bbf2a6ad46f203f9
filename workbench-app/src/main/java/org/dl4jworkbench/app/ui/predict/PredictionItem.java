package org.dl4jworkbench.app.ui.predict;

import java.util.List;
import javafx.scene.image.Image;
import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;

/** A line in the prediction pane's results: a prediction, or a short message (a damaged file, no
 * model, a pretrained network to install). */
public sealed interface PredictionItem {

    /**
     * An image as the network saw it ({@code thumbnail}, made in the background), its file and
     * top classes, and the whole {@code prediction} (its network input, for explanations).
     */
    record Shown(String name, String source, Image thumbnail, List<ClassProbability> top, Prediction prediction)
            implements PredictionItem {
    }

    record Message(String text) implements PredictionItem {
    }

    /** A pretrained network that is not installed: what to do ({@code text}), and a way to its card ({@code id}). */
    record NotInstalled(String text, String id) implements PredictionItem {
    }
}
