package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A trainer with a {@link Fitter} (what a cluster plugs in) hands it the epoch's minibatches in
 * groups of {@link Fitter#group()}, in the same order a trainer without one fits them, and keeps
 * the rest: iterations counted by minibatch, images counted, validation and test evaluation.
 * The fitter here fits each group's minibatches one after another on this thread, so the run
 * must end exactly where a plain run ends.
 */
class TrainerFitterTest {

    /** Fits a group here, one minibatch after another; records the groups' sizes. */
    static final class InOrder implements Fitter {
        final int group;
        final List<Integer> sizes = new ArrayList<>();
        final List<Integer> iterationsBefore = new ArrayList<>();

        InOrder(int group) {
            this.group = group;
        }

        @Override
        public int group() {
            return group;
        }

        @Override
        public double fit(Network network, List<DataSet> batches, int iterations) {
            sizes.add(batches.size());
            iterationsBefore.add(iterations);
            batches.forEach(network::fit);
            return network.score();
        }

        @Override
        public int steps(int minibatches) {
            return minibatches;
        }

        @Override
        public String describe() {
            return "in order, " + group + " at a time";
        }
    }

    @Test
    void groupsOfMinibatchesTrainAsThePlainRunDoes() throws Exception {
        Dataset digits = Datasets.open("mnist-mini"); // 9,000 training images: 282 minibatches of 32
        NetworkSpec base = Templates.find("lenet").orElseThrow().spec();
        NetworkSpec lenet = base.withTraining(base.training().withEpochs(1))
                .withData(base.data().withValidationSplit(0.1));

        var fitter = new InOrder(8);
        List<IterationEvent> iterations = new ArrayList<>();
        TrainingResult grouped = new Trainer(lenet, digits).withFitter(fitter).train(new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                iterations.add(e);
            }
        });
        TrainingResult plain = new Trainer(lenet, digits).train(new TrainingListener() {
        });

        assertThat(fitter.sizes).hasSize(36); // 282 = 35 x 8 + 2
        assertThat(fitter.sizes.subList(0, 35)).allMatch(s -> s == 8);
        assertThat(fitter.sizes.get(35)).isEqualTo(2);
        assertThat(fitter.iterationsBefore.get(1)).isEqualTo(8); // the network's own count, for schedules
        assertThat(iterations).hasSize(36);
        assertThat(iterations.get(0).iteration()).isEqualTo(8);
        assertThat(iterations.get(35).batch()).isEqualTo(282);
        assertThat(iterations.get(35).iteration()).isEqualTo(282);
        // The same minibatches in the same order: the same network as a plain run's.
        assertThat(grouped.test().correct()).isEqualTo(plain.test().correct());
        assertThat(grouped.network().params().equalsWithEps(plain.network().params(), 1e-5)).isTrue();
    }

    @Test
    void aFrozenBackboneOnCachedFeaturesIsNotForAFitter() {
        NetworkSpec transfer = Templates.find(Templates.TRANSFER).orElseThrow().spec();
        assertThat(Trainer.trainsOnCachedFeatures(transfer)).isTrue();
        assertThatThrownBy(() -> new Trainer(transfer, null).withFitter(new InOrder(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cached features");
    }
}
