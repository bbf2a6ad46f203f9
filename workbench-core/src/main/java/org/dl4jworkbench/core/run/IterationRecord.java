package org.dl4jworkbench.core.run;

/** One minibatch of a run as logged in {@code iterations.csv}. */
public record IterationRecord(long iteration, int epoch, int batch, double loss, double learningRate,
                              double imagesPerSecond) {
}
