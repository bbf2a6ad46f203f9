package org.dl4jworkbench.core.train;

import java.time.Duration;

/** After one epoch: mean training loss, throughput, duration, and the time left for the run. */
public record EpochEvent(int epoch, int epochs, double trainLoss, double imagesPerSecond, Duration duration,
                         Duration eta) {
}
