package org.dl4jworkbench.spark;

import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.train.Fitter;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Fits minibatches on a Spark cluster with DL4J's parameter averaging: each of the
 * {@code workers} fits {@code averaging} minibatches into its copy of the network, then the
 * copies' parameters and optimizer state are averaged into the driver's network, which the
 * {@link org.dl4jworkbench.core.train.Trainer} goes on evaluating and checkpointing as on one
 * computer. The minibatches travel from the driver, prepared (augmented, normalized) as for
 * {@code train}: one Spark job per group of {@code workers x averaging} of them.
 */
final class SparkFitter implements Fitter {

    private final JavaSparkContext spark;
    private final int workers;
    private final int averaging;
    private final int batchSize;
    private SparkDl4jMultiLayer sequential;
    private SparkComputationGraph graph;
    private Network fitted;

    SparkFitter(JavaSparkContext spark, int workers, int averaging, int batchSize) {
        if (workers < 1 || averaging < 1) {
            throw new IllegalArgumentException("workers and averaging frequency must be at least 1, not " + workers
                    + " and " + averaging);
        }
        this.spark = spark;
        this.workers = workers;
        this.averaging = averaging;
        this.batchSize = batchSize;
    }

    @Override
    public int group() {
        return workers * averaging;
    }

    /** Each worker's steps are averaged into one: a group's minibatches make {@code averaging} steps. */
    @Override
    public int steps(int minibatches) {
        int full = minibatches / group();
        int rest = minibatches % group();
        return full * averaging + (rest + workers - 1) / workers;
    }

    @Override
    public double fit(Network network, List<DataSet> batches, int iterations) {
        bind(network);
        int partitions = Math.min(workers, batches.size());
        var rdd = spark.parallelize(batches, partitions);
        int each = (batches.size() + partitions - 1) / partitions; // minibatches a worker fitted
        if (sequential != null) {
            sequential.fit(rdd);
            sequential.getNetwork().getLayerWiseConfigurations().setIterationCount(iterations + each);
            return sequential.getScore();
        }
        graph.fit(rdd);
        graph.getNetwork().getConfiguration().setIterationCount(iterations + each);
        return graph.getScore();
    }

    /** The Spark wrapper of {@code network}, made at its first fit (the trainer makes the network). */
    private void bind(Network network) {
        if (fitted == network) {
            return;
        }
        var master = new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(averaging)
                .workerPrefetchNumBatches(0)
                .saveUpdater(true) // Adam's moments travel and are averaged too, as DL4J recommends
                .rddTrainingApproach(RDDTrainingApproach.Direct) // no export of the minibatches to disk
                .repartionData(Repartition.Never) // parallelize already gave each worker its share
                .collectTrainingStats(false)
                .trainingHooks(new OneDnnOnWorkers())
                .build();
        MultiLayerNetwork net = network.sequential().orElse(null);
        if (net != null) {
            sequential = new SparkDl4jMultiLayer(spark, net, master);
        } else {
            ComputationGraph g = network.graph().orElseThrow();
            graph = new SparkComputationGraph(spark, g, master);
        }
        fitted = network;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Spark %s: %d worker(s) averaging every %d minibatch(es)", spark.master(),
                workers, averaging);
    }
}
