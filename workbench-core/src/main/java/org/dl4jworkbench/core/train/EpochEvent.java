package org.dl4jworkbench.core.train;

import java.time.Duration;

/**
 * After one epoch: mean training loss over its minibatches, training accuracy (measured in
 * inference mode on a fixed sample of the training images), validation loss and accuracy
 * (NaN where no images are held back), throughput, duration, and the time left for the run.
 */
public record EpochEvent(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double imagesPerSecond, Duration duration, Duration eta) {
}
