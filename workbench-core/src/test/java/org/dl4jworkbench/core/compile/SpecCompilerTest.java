package org.dl4jworkbench.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.analysis.LayerInfo;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.analysis.Shape;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.Template;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpecCompilerTest {

    /** The sequential templates (a transfer template compiles to a graph: TransferCompilerTest). */
    static List<Template> templates() {
        return Templates.all().stream().filter(t -> !t.spec().hasBackbone()).toList();
    }

    /** Shapes and parameter counts from the workbench's own inference must equal DL4J's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void inferenceMatchesDl4jForEveryTemplate(Template template) {
        assertMatchesDl4j(template.spec());
    }

    @Test
    void inferenceMatchesDl4jWithBatchNormAndAveragePooling() {
        NetworkSpec spec = Templates.find("lenet").orElseThrow().spec().withLayers(List.of(
                ConvolutionSpec.of(8, 3, Padding.SAME, Activation.RELU), BatchNormSpec.create(),
                new PoolingSpec(null, org.dl4jworkbench.core.spec.PoolingType.AVERAGE,
                        org.dl4jworkbench.core.spec.Size2.square(3), org.dl4jworkbench.core.spec.Size2.square(2),
                        Padding.VALID),
                ConvolutionSpec.of(16, 3, Padding.VALID, Activation.TANH).withStride(2),
                DenseSpec.of(32, Activation.SIGMOID), BatchNormSpec.create(), DropoutSpec.of(0.2)));
        assertMatchesDl4j(spec);
    }

    @Test
    void templateParameterCountsAreTheTutorials() {
        assertThat(NetworkAnalyzer.analyze(Templates.find("mlp").orElseThrow().spec()).totalParameters())
                .isEqualTo(118_282);
        assertThat(NetworkAnalyzer.analyze(Templates.find("lenet").orElseThrow().spec()).totalParameters())
                .isEqualTo(431_080);
    }

    @Test
    void dropoutRateIsConvertedToDl4jRetainProbability() {
        NetworkSpec spec = Templates.find("mnist-cnn").orElseThrow().spec();
        MultiLayerConfiguration conf = SpecCompiler.compile(spec);
        var dropout = (DropoutLayer) conf.getConf(5).getLayer();
        assertThat(dropout.getIDropout().toString()).contains("p=0.6");
    }

    @Test
    void learningRateSchedulesBecomeDl4jSchedules() {
        TrainingSpec base = TrainingSpec.adam(0.002, 32, 2);
        ISchedule cosine = SpecCompiler.schedule(base.withSchedule(Schedule.COSINE, 0), 313);
        assertThat(cosine.valueAt(0, 0)).isEqualTo(0.002);
        assertThat(cosine.valueAt(313, 1)).isCloseTo(0.001, within(0.00003)); // half way through the run
        assertThat(cosine.valueAt(625, 1)).isLessThan(0.00001);

        ISchedule step = SpecCompiler.schedule(base.withSchedule(new Schedule.Step(2, 0.5), 0), 313);
        assertThat(step.valueAt(100, 1)).isEqualTo(0.002);
        assertThat(step.valueAt(700, 2)).isEqualTo(0.001);

        ISchedule warm = SpecCompiler.schedule(base.withSchedule(Schedule.CONSTANT, 0.5), 100);
        assertThat(warm.valueAt(0, 0)).isCloseTo(0.002 / 50, within(1e-9));
        assertThat(warm.valueAt(24, 0)).isCloseTo(0.001, within(1e-9));
        assertThat(warm.valueAt(60, 0)).isEqualTo(0.002);

        ISchedule constant = SpecCompiler.schedule(base, 313);
        assertThat(constant.valueAt(0, 0)).isEqualTo(constant.valueAt(600, 1)).isEqualTo(0.002);
    }

    @Test
    void aWarmUpIsWrittenAsAScheduleDl4jCanReadBackWithRampScheduleValues() {
        TrainingSpec base = TrainingSpec.adam(0.002, 32, 4);
        int perEpoch = 313;
        for (Schedule schedule : List.of(Schedule.CONSTANT, new Schedule.Step(1, 0.5), Schedule.COSINE)) {
            TrainingSpec t = base.withSchedule(schedule, 1.5);
            ISchedule warm = SpecCompiler.schedule(t, perEpoch);
            ISchedule ramp = new RampSchedule(SpecCompiler.schedule(t.withSchedule(schedule, 0), perEpoch), 470);
            for (int i : new int[] {0, 94, 188, 460, 470, 500, 626, 939, 1000, 1251}) {
                assertThat(warm.valueAt(i, i / perEpoch)).as(schedule + " at " + i)
                        .isCloseTo(ramp.valueAt(i, i / perEpoch), within(1e-12));
            }
            // Through a model file: DL4J 1.0.0-M2.1 cannot read its own RampSchedule back.
            MultiLayerConfiguration conf = SpecCompiler.compile(Templates.find("mlp").orElseThrow().spec()
                    .withTraining(t), perEpoch);
            assertThat(MultiLayerConfiguration.fromJson(conf.toJson()).toJson()).isEqualTo(conf.toJson());
        }
    }

    @Test
    void refusesAnInvalidSpecNamingTheLayer() {
        NetworkSpec spec = Templates.find("lenet").orElseThrow().spec().withLayers(List.of(
                ConvolutionSpec.of(20, 5, Padding.VALID, Activation.RELU), PoolingSpec.max(2),
                ConvolutionSpec.of(50, 5, Padding.VALID, Activation.RELU), PoolingSpec.max(2),
                ConvolutionSpec.of(50, 5, Padding.VALID, Activation.RELU)));
        assertThatThrownBy(() -> SpecCompiler.compile(spec))
                .isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("'conv3'")
                .hasMessageContaining("larger than its 4x4x50 input");
    }

    private static void assertMatchesDl4j(NetworkSpec spec) {
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        assertThat(analysis.errors()).isEmpty();
        MultiLayerConfiguration conf = SpecCompiler.compile(spec);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        List<InputType> types = conf.getLayerActivationTypes(SpecCompiler.inputType(spec));
        List<LayerInfo> layers = analysis.layers().subList(1, analysis.layers().size()); // skip the input row
        assertThat(layers).hasSize(net.getnLayers());
        for (int i = 0; i < layers.size(); i++) {
            LayerInfo info = layers.get(i);
            assertThat(shape(types.get(i))).as("output shape of %s", info.name()).isEqualTo(info.outputShape());
            assertThat(net.getLayer(i).numParams()).as("parameters of %s", info.name()).isEqualTo(info.parameters());
            assertThat(net.getLayer(i).conf().getLayer().getLayerName()).isEqualTo(info.name());
        }
        assertThat(net.numParams()).isEqualTo(analysis.totalParameters());
        assertThat(net.summary(SpecCompiler.inputType(spec))).contains(String.format("%,d", net.numParams()));
    }

    private static Shape shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return Shape.image((int) c.getHeight(), (int) c.getWidth(), (int) c.getChannels());
        }
        return Shape.flat(((InputType.InputTypeFeedForward) type).getSize());
    }
}
