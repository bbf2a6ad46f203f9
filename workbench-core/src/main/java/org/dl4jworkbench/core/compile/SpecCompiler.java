package org.dl4jworkbench.core.compile;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.PoolingType;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Compiles a valid {@link NetworkSpec} into a DL4J {@link MultiLayerConfiguration}: float32,
 * NCHW images, layer names kept, every {@code nIn} inferred from the input type (which also
 * inserts the flattening preprocessor before the first dense layer).
 */
public final class SpecCompiler {

    /** Steps of the table that approximates a cosine schedule. */
    static final int COSINE_STEPS = 200;
    /** Steps of a warm-up's rise: fine enough to be smooth, few enough to keep the file small. */
    static final int WARMUP_STEPS = 50;

    private SpecCompiler() {
    }

    /**
     * Compiles for shapes and parameters only: a learning-rate schedule is laid out as if an
     * epoch were one minibatch. Use {@link #compile(NetworkSpec, int)} to train.
     */
    public static MultiLayerConfiguration compile(NetworkSpec spec) {
        return compile(spec, 1);
    }

    /**
     * @param iterationsPerEpoch minibatches per epoch, which places the learning-rate schedule
     * @throws InvalidNetworkException where {@link NetworkAnalyzer} finds errors; DL4J would
     *     otherwise build some invalid networks and fail later with a misleading message
     */
    public static MultiLayerConfiguration compile(NetworkSpec spec, int iterationsPerEpoch) {
        if (spec.hasBackbone()) {
            throw new IllegalArgumentException("spec '" + spec.name() + "' begins with the pretrained network '"
                    + spec.backbone().model() + "': it compiles to a graph, with TransferCompiler");
        }
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
        if (!analysis.isValid()) {
            throw new InvalidNetworkException(analysis.errors());
        }
        TrainingSpec training = spec.training();
        var builder = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .dataType(DataType.FLOAT)
                .cacheMode(CacheMode.HOST)
                .updater(updater(training, iterationsPerEpoch))
                .weightInit(WeightInit.XAVIER);
        if (training.l2() > 0) {
            builder.l2(training.l2());
        }
        var list = builder.list();
        for (LayerSpec layer : spec.layers()) {
            list.layer(layer(layer));
        }
        OutputSpec out = spec.output();
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .name(OutputSpec.NAME)
                .nOut(out.classes())
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                .build());
        return list.setInputType(inputType(spec)).build();
    }

    public static InputType inputType(NetworkSpec spec) {
        return InputType.convolutional(spec.input().height(), spec.input().width(), spec.input().channels());
    }

    static IUpdater updater(TrainingSpec t, int iterationsPerEpoch) {
        ISchedule s = schedule(t, iterationsPerEpoch);
        return switch (t.optimizer()) {
            case ADAM -> new Adam(s);
            case SGD -> new Sgd(s);
            case NESTEROV -> new Nesterovs(s, t.momentum());
            case RMSPROP -> new RmsProp(s);
        };
    }

    /**
     * The learning rate over the run as one of DL4J's own schedules, so that the model file
     * carries it, plain DL4J code can read it, and a resumed run continues it.
     */
    public static ISchedule schedule(TrainingSpec t, int iterationsPerEpoch) {
        double lr = t.learningRate();
        Schedule schedule = t.schedule();
        ISchedule base;
        if (schedule instanceof Schedule.Step step) {
            base = new StepSchedule(ScheduleType.EPOCH, lr, step.factor(), step.everyEpochs());
        } else if (schedule instanceof Schedule.Cosine cosine) {
            // DL4J has no cosine schedule: lay it out as a table of COSINE_STEPS steps over the run.
            int total = Math.max(1, iterationsPerEpoch * t.epochs());
            int steps = Math.min(total, COSINE_STEPS);
            Map<Integer, Double> values = new HashMap<>();
            for (int i = 0; i < steps; i++) {
                int iteration = (int) ((long) i * total / steps);
                values.put(iteration, lr * cosine.factor(0, (double) iteration / total));
            }
            base = new MapSchedule(ScheduleType.ITERATION, values);
        } else {
            base = new FixedSchedule(lr);
        }
        int warmup = (int) Math.round(t.warmupEpochs() * iterationsPerEpoch);
        return warmup > 1 ? warmedUp(base, warmup, t, iterationsPerEpoch) : base;
    }

    /**
     * {@code base} after a linear warm-up over {@code warmup} iterations, as DL4J's
     * {@code RampSchedule} computes it ({@code base * (i + 1) / warmup}), laid out as a
     * table: DL4J 1.0.0-M2.1 writes a {@code RampSchedule} into the model file but cannot
     * read it back (it has no JSON creator), so a model trained with a warm-up could not be
     * opened again. The ramp rises in at most {@value #WARMUP_STEPS} steps; after it, the
     * table holds the base schedule's own values at its own change points.
     */
    private static ISchedule warmedUp(ISchedule base, int warmup, TrainingSpec t, int iterationsPerEpoch) {
        int perEpoch = Math.max(1, iterationsPerEpoch);
        java.util.function.IntToDoubleFunction at = i -> base.valueAt(i, i / perEpoch);
        Map<Integer, Double> values = new HashMap<>();
        int steps = Math.min(warmup, WARMUP_STEPS);
        for (int k = 0; k < steps; k++) {
            int i = (int) ((long) k * warmup / steps);
            values.put(i, at.applyAsDouble(i) * (i + 1) / warmup);
        }
        values.put(warmup, at.applyAsDouble(warmup));
        if (base instanceof MapSchedule table) {
            table.getValues().forEach((i, v) -> {
                if (i > warmup) {
                    values.put(i, v);
                }
            });
        } else if (base instanceof StepSchedule) {
            for (int epoch = 0; epoch <= t.epochs(); epoch++) {
                int i = epoch * perEpoch;
                if (i > warmup) {
                    values.put(i, at.applyAsDouble(i));
                }
            }
        }
        return new MapSchedule(ScheduleType.ITERATION, values);
    }

    static Layer layer(LayerSpec spec) {
        if (spec instanceof ConvolutionSpec c) {
            return new ConvolutionLayer.Builder(c.kernel().height(), c.kernel().width())
                    .name(c.name())
                    .nOut(c.filters())
                    .stride(c.stride().height(), c.stride().width())
                    .convolutionMode(mode(c.padding()))
                    .activation(activation(c.activation()))
                    .weightInit(weightInit(c.activation()))
                    .build();
        } else if (spec instanceof PoolingSpec p) {
            var type = p.pooling() == PoolingType.MAX ? SubsamplingLayer.PoolingType.MAX
                    : SubsamplingLayer.PoolingType.AVG;
            return new SubsamplingLayer.Builder(type)
                    .name(p.name())
                    .kernelSize(p.kernel().height(), p.kernel().width())
                    .stride(p.stride().height(), p.stride().width())
                    .convolutionMode(mode(p.padding()))
                    .build();
        } else if (spec instanceof DenseSpec d) {
            return new DenseLayer.Builder()
                    .name(d.name())
                    .nOut(d.units())
                    .activation(activation(d.activation()))
                    .weightInit(weightInit(d.activation()))
                    .build();
        } else if (spec instanceof DropoutSpec d) {
            // DL4J's argument is the probability of KEEPING an activation; the spec's rate is the share dropped.
            return new DropoutLayer.Builder(1.0 - d.rate()).name(d.name()).build();
        } else if (spec instanceof BatchNormSpec b) {
            return new BatchNormalization.Builder().name(b.name()).build();
        }
        throw new IllegalArgumentException("unknown layer type " + spec.getClass().getName());
    }

    private static ConvolutionMode mode(Padding padding) {
        // Truncate floors like "valid"; the analyzer has already rejected windows that do not fit.
        return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static WeightInit weightInit(Activation activation) {
        return switch (activation) {
            case RELU, LEAKY_RELU, ELU -> WeightInit.RELU;
            default -> WeightInit.XAVIER;
        };
    }

    static org.nd4j.linalg.activations.Activation activation(Activation activation) {
        return switch (activation) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LEAKY_RELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }
}
