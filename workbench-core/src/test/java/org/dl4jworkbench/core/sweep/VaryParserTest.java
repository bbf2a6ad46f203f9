package org.dl4jworkbench.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;

class VaryParserTest {

    private static final NetworkSpec LENET = Templates.find("lenet").orElseThrow().spec();

    @Test
    void logRangeOfLearningRates() throws Exception {
        Parameter p = VaryParser.parse("learning_rate=1e-4..1e-2:log", LENET);
        assertThat(p.name()).isEqualTo("learning_rate");
        assertThat(p.isRange()).isTrue();
        assertThat(p.log()).isTrue();
        assertThat(p.low()).isEqualTo(1e-4);
        assertThat(p.high()).isEqualTo(1e-2);
        var random = new Random(1);
        for (int i = 0; i < 200; i++) {
            assertThat((Double) p.sample(random)).isBetween(1e-4, 1e-2);
        }
    }

    @Test
    void logSamplesSpreadOverTheDecades() throws Exception {
        Parameter p = VaryParser.parse("learning_rate=1e-4..1e-2:log", LENET);
        var random = new Random(7);
        int below1e3 = 0;
        for (int i = 0; i < 1000; i++) {
            below1e3 += (Double) p.sample(random) < 1e-3 ? 1 : 0;
        }
        assertThat(below1e3).isBetween(400, 600); // half the log range lies below 1e-3; a linear draw gives ~90
    }

    @Test
    void listsOfWholeNumbersAndOptimizers() throws Exception {
        assertThat(VaryParser.parse("batch_size=32,64", LENET).choices()).containsExactly(32, 64);
        assertThat(VaryParser.parse("optimizer=adam, SGD", LENET).choices()).containsExactly("adam", "sgd");
        assertThat(VaryParser.parse("conv1.filters=16,32", LENET).choices()).containsExactly(16, 32);
        assertThat(VaryParser.parse("dense1.units=100..800", LENET).kind()).isEqualTo(Parameter.Kind.INTEGER);
    }

    @Test
    void messagesNameTheTextWhatWasExpectedAndWhatWasFound() {
        assertThatThrownBy(() -> VaryParser.parse("learning_rate", LENET))
                .hasMessage("--vary 'learning_rate': expected " + VaryParser.FORM + "; found no '='");
        assertThatThrownBy(() -> VaryParser.parse("batch_size=32,6x", LENET))
                .hasMessage("--vary 'batch_size=32,6x': batch_size takes whole numbers, found '6x'");
        assertThatThrownBy(() -> VaryParser.parse("learning_rate=1e-2..1e-4", LENET))
                .hasMessage("--vary 'learning_rate=1e-2..1e-4': expected LOW below HIGH, found 1e-2 and 1e-4");
        assertThatThrownBy(() -> VaryParser.parse("l2=0..1e-2:log", LENET))
                .hasMessageContaining("a log range needs LOW above 0, found 0");
        assertThatThrownBy(() -> VaryParser.parse("learning_rate=1e-4..1e-2:ln", LENET))
                .hasMessageContaining("expected the scale ':log' or ':linear' after the range, found ':ln'");
        assertThatThrownBy(() -> VaryParser.parse("optimizer=adam,adagrad", LENET))
                .hasMessageContaining("expected an optimizer (adam, sgd, nesterov, rmsprop), found 'adagrad'");
        assertThatThrownBy(() -> VaryParser.parse("lr=0.1", LENET))
                .hasMessageStartingWith("--vary 'lr=0.1': unknown setting 'lr'; expected one of learning_rate,")
                .hasMessageContaining("conv1.filters, conv2.filters, dense1.units");
        assertThatThrownBy(() -> VaryParser.parseAll(List.of("batch_size=32", "batch_size=64"), LENET))
                .hasMessageContaining("batch_size is varied twice");
    }

    @Test
    void unknownLayerAndASettingTheLayerDoesNotHaveAreNamed() {
        assertThatThrownBy(() -> VaryParser.parse("conv9.filters=8,16", LENET))
                .hasMessage("--vary 'conv9.filters=8,16': the network 'lenet' has no layer 'conv9'; its layers are "
                        + "conv1, pool1, conv2, pool2, dense1");
        assertThatThrownBy(() -> VaryParser.parse("pool1.filters=8", LENET))
                .hasMessageContaining("layer 'pool1' is a pooling layer, which has no setting 'filters' to vary");
        assertThatThrownBy(() -> VaryParser.parse("conv1.units=8", LENET))
                .hasMessageContaining("has no setting 'units' to vary; it has 'filters' (conv1.filters)");
        assertThatThrownBy(() -> VaryParser.parse("dropout=0.2,0.5", LENET))
                .hasMessageContaining("the network 'lenet' has no dropout layer");
    }

    @Test
    void settingsGoIntoACopyOfTheNetwork() throws Exception {
        NetworkSpec spec = SpecSettings.apply(LENET, Map.of("conv1.filters", 8, "dense1.units", 64,
                "learning_rate", 0.005, "optimizer", "sgd", "batch_size", 16));
        assertThat(((ConvolutionSpec) spec.layers().get(0)).filters()).isEqualTo(8);
        assertThat(((DenseSpec) spec.layers().get(4)).units()).isEqualTo(64);
        assertThat(spec.training().learningRate()).isEqualTo(0.005);
        assertThat(spec.training().optimizer()).isEqualTo(Optimizer.SGD);
        assertThat(spec.training().batchSize()).isEqualTo(16);
        assertThat(spec.training().schedule()).isEqualTo(LENET.training().schedule());
        assertThat(((ConvolutionSpec) LENET.layers().get(0)).filters()).isEqualTo(20); // the base is untouched
    }

    @Test
    void gridTakesEveryCombinationAndRefusesRanges() throws Exception {
        var parameters = VaryParser.parseAll(List.of("batch_size=32,64", "optimizer=adam,sgd,rmsprop"), LENET);
        var trials = new Search.Grid().trials(parameters);
        assertThat(trials).hasSize(6);
        assertThat(trials.get(0)).isEqualTo(Map.of("batch_size", 32, "optimizer", "adam"));
        assertThat(trials.get(5)).isEqualTo(Map.of("batch_size", 64, "optimizer", "rmsprop"));
        var ranged = VaryParser.parseAll(List.of("learning_rate=1e-4..1e-2:log"), LENET);
        assertThatThrownBy(() -> new Search.Grid().trials(ranged))
                .hasMessageContaining("a grid search needs a list of values (e.g. learning_rate=0.0001,0.01)")
                .hasMessageContaining("--trials N");
    }

    @Test
    void randomSearchIsRepeatableWithItsSeed() throws Exception {
        var parameters = VaryParser.parseAll(List.of("learning_rate=1e-4..1e-2:log", "batch_size=32,64"), LENET);
        var a = new Search.RandomSearch(5, 9).trials(parameters);
        assertThat(a).hasSize(5).isEqualTo(new Search.RandomSearch(5, 9).trials(parameters));
        assertThat(a).isNotEqualTo(new Search.RandomSearch(5, 10).trials(parameters));
    }

    @Test
    void rungsGrowByEtaUpToTheEpochs() {
        assertThat(new Halving(1, 2).rungs(5)).containsExactly(1, 2, 4, 5);
        assertThat(new Halving(1, 3).rungs(9)).containsExactly(1, 3, 9);
        assertThat(new Halving(2, 2).rungs(2)).containsExactly(2);
        assertThat(new Halving(1, 2).keep(4)).isEqualTo(2);
        assertThat(new Halving(1, 3).keep(2)).isEqualTo(1);
    }

    @Test
    void definitionRefusesSettingsThatBreakTheNetworkAndNetworksWithoutValidation() throws Exception {
        assertThatThrownBy(() -> VaryParser.parse("conv1.filters=0,4", LENET))
                .hasMessageContaining("conv1.filters must be at least 1, found 0");
        var lr = VaryParser.parseAll(List.of("learning_rate=0.001,0.01"), LENET);
        var noValidation = LENET.withData(LENET.data().withValidationSplit(0));
        assertThatThrownBy(() -> SweepDefinition.of(noValidation, "mnist-mini", lr, new Search.Grid(), null))
                .hasMessageContaining("holds back no validation images").hasMessageContaining("--validation 0.1");
        assertThatThrownBy(() -> SweepDefinition.of(LENET, "mnist-mini", List.of(), new Search.Grid(), null))
                .hasMessageContaining("nothing to vary");
    }
}
