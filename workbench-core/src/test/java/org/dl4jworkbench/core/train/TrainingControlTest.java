package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Pause, resume, snapshots and early stopping on real MNIST runs (the mlp template: a few seconds an epoch). */
class TrainingControlTest {

    static Dataset mini;

    @BeforeAll
    static void load() throws Exception {
        mini = Datasets.open("mnist-mini");
    }

    private static NetworkSpec mlp(int epochs) {
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        return mlp.withTraining(mlp.training().withEpochs(epochs).withBatchSize(64));
    }

    @Test
    void pauseHoldsTrainingBetweenMinibatchesAndResumeGoesOn() throws Exception {
        var trainer = new Trainer(mlp(1), mini);
        List<Long> iterations = new CopyOnWriteArrayList<>();
        List<TrainingListener.State> states = new CopyOnWriteArrayList<>();
        var paused = new CountDownLatch(1);
        var listener = new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                iterations.add(e.iteration());
                if (e.iteration() == 20) {
                    trainer.control().pause();
                }
            }

            @Override
            public void onStateChange(State state) {
                states.add(state);
                if (state == State.PAUSED) {
                    paused.countDown();
                }
            }
        };
        CompletableFuture<TrainingResult> run = CompletableFuture.supplyAsync(() -> train(trainer, listener));
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);
        assertThat(iterations).hasSize(20); // nothing trains while paused
        assertThat(trainer.control().isPaused()).isTrue();

        Network copy = trainer.control().snapshot().get(5, TimeUnit.SECONDS); // served while paused
        assertThat(copy.output(Nd4j.zeros(1, 1, 28, 28)).sumNumber().doubleValue()).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-4));

        trainer.control().resume();
        TrainingResult result = run.get(120, TimeUnit.SECONDS);
        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(iterations).hasSize(141); // 9,001 images in minibatches of 64
        assertThat(states).containsExactly(TrainingListener.State.PAUSED, TrainingListener.State.RUNNING);
    }

    @Test
    void stopWhilePausedEndsTheRunAndKeepsTheModel() throws Exception {
        var trainer = new Trainer(mlp(2), mini);
        var paused = new CountDownLatch(1);
        var listener = new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                if (e.iteration() == 30) {
                    trainer.control().pause();
                }
            }

            @Override
            public void onStateChange(State state) {
                paused.countDown();
            }
        };
        CompletableFuture<TrainingResult> run = CompletableFuture.supplyAsync(() -> train(trainer, listener));
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        trainer.control().stop();
        TrainingResult result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
        assertThat(result.message()).isEqualTo("stopped on request in epoch 1 after 30 of 141 batches");
        assertThat(result.test().accuracy()).isGreaterThan(0.6);
        assertThat(trainer.control().snapshot()).isCompletedExceptionally();
    }

    @Test
    void snapshotDuringTrainingIsAnIndependentCopy() throws Exception {
        var trainer = new Trainer(mlp(1), mini);
        var asked = new CompletableFuture<CompletableFuture<Network>>();
        var listener = new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                if (e.iteration() == 10) {
                    asked.complete(trainer.control().snapshot());
                }
            }
        };
        TrainingResult result = trainer.train(listener);
        Network copy = asked.get().get(1, TimeUnit.SECONDS);
        assertThat(copy).isNotSameAs(result.network());
        assertThat(copy.params()).isNotEqualTo(result.network().params()); // taken after 10 minibatches, not 141
    }

    @Test
    void earlyStoppingEndsTheRunAndKeepsTheBestEpochsWeights(@TempDir Path checkpoints) throws Exception {
        NetworkSpec spec = mlp(6);
        // Nothing after epoch 1 can beat it by 10: the run stops after 2 epochs without improvement.
        spec = spec.withTraining(spec.training().withEarlyStopping(
                new EarlyStoppingSpec(EarlyStoppingSpec.Metric.VALIDATION_LOSS, 2, 10.0)));
        TrainingResult result = Trainer.withCheckpoints(spec, mini, checkpoints).train(TrainingListener.NONE);
        assertThat(result.reason()).isEqualTo(StopReason.EARLY_STOPPED);
        assertThat(result.epochsCompleted()).isEqualTo(3);
        assertThat(result.bestEpoch()).isEqualTo(1);
        assertThat(result.message()).startsWith("validation loss did not improve for 2 epoch(s); keeping the best "
                + "epoch, 1 (validation loss ");
        MultiLayerNetwork best = ModelSerializer.restoreMultiLayerNetwork(checkpoints.resolve("best-0001.zip").toFile());
        assertThat(result.network().params()).isEqualTo(best.params());
    }

    private static TrainingResult train(Trainer trainer, TrainingListener listener) {
        try {
            return trainer.train(listener);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
