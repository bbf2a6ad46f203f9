package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real training runs on real MNIST images (the embedded mnist-mini). */
class TrainerTest {

    static Dataset mini;

    @BeforeAll
    static void load() throws Exception {
        mini = Datasets.open("mnist-mini");
    }

    @Test
    void lenetLearnsMnistMiniInOneEpoch() throws Exception {
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec().withTraining(
                Templates.find("lenet").orElseThrow().spec().training().withEpochs(1));
        List<IterationEvent> iterations = new ArrayList<>();
        List<EpochEvent> epochs = new ArrayList<>();
        TrainingResult result = new Trainer(lenet, mini).train(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                iterations.add(e);
            }

            @Override
            public void onEpoch(EpochEvent e) {
                epochs.add(e);
            }
        });
        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.test().total()).isEqualTo(2_000);
        assertThat(result.test().accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(iterations).hasSize(282); // 9,000 images (1,000 held back to validate) in minibatches of 32
        assertThat(iterations.get(281).batch()).isEqualTo(282);
        assertThat(iterations.get(0).learningRate()).isEqualTo(0.002);
        assertThat(iterations.get(281).learningRate()).isLessThan(0.0001); // cosine decay to zero
        assertThat(iterations.get(0).loss()).isGreaterThan(2 * epochs.get(0).trainLoss());
        assertThat(epochs).singleElement().satisfies(e -> {
            assertThat(e.trainLoss()).isBetween(0.0, 1.0);
            assertThat(e.trainAccuracy()).isGreaterThan(0.9);
            assertThat(e.validationAccuracy()).isGreaterThan(0.9);
            assertThat(e.validationLoss()).isBetween(0.0, 0.5);
        });
        assertThat(result.epochs()).isEqualTo(epochs);
    }

    @Test
    void stopRequestEndsTheRunAfterTheCurrentMinibatchAndKeepsTheModel() throws Exception {
        NetworkSpec mlp = Templates.find("mlp").orElseThrow().spec();
        var trainer = new Trainer(mlp, mini);
        List<IterationEvent> iterations = new ArrayList<>();
        TrainingResult result = trainer.train(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                iterations.add(e);
                if (e.iteration() == 40) {
                    trainer.requestStop();
                }
            }
        });
        assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
        assertThat(iterations).hasSize(40);
        assertThat(result.epochsCompleted()).isZero();
        assertThat(result.test().accuracy()).isGreaterThan(0.5); // 40 minibatches of training were kept
    }

    @Test
    void divergingLossStopsWithAdviceToLowerTheLearningRate() throws Exception {
        NetworkSpec lenet = Templates.find("lenet").orElseThrow().spec();
        NetworkSpec wild = lenet.withTraining(lenet.training().withOptimizer(Optimizer.SGD, 10.0)
                .withSchedule(Schedule.CONSTANT, 0));
        TrainingResult result = new Trainer(wild, mini).train(TrainingListener.NONE);
        assertThat(result.reason()).isEqualTo(StopReason.DIVERGED);
        assertThat(result.message()).contains("training diverged. Lower the learning rate (now 10.0), for example "
                + "to 1.0.");
    }

    @Test
    void refusesANetworkThatDoesNotFitTheDataset() throws Exception {
        NetworkSpec twoClasses = Templates.find("mlp").orElseThrow().spec().withOutput(new OutputSpec(2));
        assertThatThrownBy(() -> new Trainer(twoClasses, mini).train(TrainingListener.NONE))
                .isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("has 2 classes but dataset 'mnist-mini' has 10");
    }
}
