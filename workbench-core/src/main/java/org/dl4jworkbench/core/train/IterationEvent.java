package org.dl4jworkbench.core.train;

import java.time.Duration;

/**
 * After one minibatch: where training is (epochs and batches count from 1), the minibatch
 * loss, the learning rate it was trained with, the throughput over the epoch so far, and the
 * estimated time left for the run.
 */
public record IterationEvent(int epoch, int epochs, int batch, int batches, long iteration, double loss,
                             double learningRate, double imagesPerSecond, Duration eta) {
}
