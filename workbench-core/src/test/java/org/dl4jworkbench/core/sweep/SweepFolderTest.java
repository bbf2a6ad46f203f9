package org.dl4jworkbench.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFolderTest {

    private static final NetworkSpec LENET = Templates.find("lenet").orElseThrow().spec()
            .withTraining(Templates.find("lenet").orElseThrow().spec().training().withEpochs(4));

    @Test
    void aNewSweepSavesItsDefinitionAndReadsItBack(@TempDir Path dir) throws Exception {
        var parameters = VaryParser.parseAll(List.of("learning_rate=1e-4..1e-2:log", "conv1.filters=8,16",
                "optimizer=adam,sgd"), LENET);
        var definition = SweepDefinition.of(LENET, "mnist-mini", parameters, new Search.RandomSearch(5, 3),
                new Halving(1, 2));
        SweepFolder folder = SweepFolder.create(dir.resolve("s"), definition);

        SweepState state = SweepFolder.open(dir.resolve("s")).read();
        assertThat(state.rungs()).containsExactly(1, 2, 4);
        assertThat(state.rung()).isZero();
        assertThat(state.trials()).hasSize(5).allMatch(t -> t.status() == TrialStatus.PENDING && t.epochs() == 0);
        assertThat(state.trials()).extracting(TrialState::settings).containsExactlyElementsOf(definition.trials());
        assertThat(state.trials().get(0).settings().get("conv1.filters")).isInstanceOf(Integer.class);
        assertThat(state.trials().get(0).settings().get("learning_rate")).isInstanceOf(Double.class);

        SweepDefinition back = folder.definition();
        assertThat(back.network()).isEqualTo(LENET);
        assertThat(back.search()).isEqualTo(definition.search());
        assertThat(back.halving()).isEqualTo(definition.halving());
        assertThat(back.trials()).isEqualTo(definition.trials());

        TrialState trained = state.trials().get(1).withRung(1).trained(2, 0.91)
                .withStatus(TrialStatus.STOPPED, "not among the best");
        folder.write(state.withTrial(trained).withRung(1));
        SweepState again = folder.read();
        assertThat(again.trial(trained.id())).isEqualTo(trained);
        assertThat(again.trial(trained.id()).outcome()).isEqualTo("stopped early at rung 2");
        assertThat(again.rung()).isEqualTo(1);
    }

    @Test
    void aFolderHoldsOneSweep(@TempDir Path dir) throws Exception {
        var definition = SweepDefinition.of(LENET, "mnist-mini",
                VaryParser.parseAll(List.of("batch_size=32,64"), LENET), new Search.Grid(), null);
        SweepFolder.create(dir, definition);
        assertThatThrownBy(() -> SweepFolder.create(dir, definition))
                .hasMessage(dir + " already holds a sweep; continue it with --resume, or choose another --out");
        assertThat(SweepFolder.open(dir).read().rungs()).containsExactly(4);
        assertThatThrownBy(() -> SweepFolder.open(dir.resolve("nothing")))
                .hasMessageContaining("not a sweep folder (it has no sweep.json)");
    }
}
