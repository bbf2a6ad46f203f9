package org.dl4jworkbench.core.train;

import java.time.Duration;
import java.util.List;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.model.Network;

/**
 * The trained network, the normalizer its input needs, and how the run went. {@code epochs}
 * are this session's epochs (a resumed run's earlier ones are in its run folder);
 * {@code epochsCompleted} counts all of them; {@code bestEpoch} is the epoch early stopping
 * kept, where it ran; {@code test} is measured on the dataset's test split after training;
 * {@code message} explains a stop other than {@link StopReason#COMPLETED}.
 */
public record TrainingResult(Network network, Normalizer normalizer, StopReason reason, String message,
                             int epochsCompleted,
                             List<EpochEvent> epochs, Evaluation test, Integer bestEpoch, Duration duration,
                             double imagesPerSecond) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
