package org.dl4jworkbench.core.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Optimizer;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * The settings of a network that a sweep can vary, by name, and how a trial's values are put
 * into a {@link NetworkSpec}: training settings ({@code learning_rate}, {@code batch_size},
 * {@code epochs}, {@code optimizer}, {@code l2}, {@code momentum}), {@code dropout} (the rate
 * of every dropout layer) and a named layer's own setting ({@code conv1.filters},
 * {@code dense1.units}, {@code dropout1.rate}). Names are checked against the network
 * before a trial starts, so a typo fails in a moment with the names that exist.
 */
public final class SpecSettings {

    /** The training settings, in the order messages list them. */
    static final List<String> TRAINING = List.of("learning_rate", "batch_size", "epochs", "optimizer", "l2",
            "momentum", "dropout");

    private SpecSettings() {
    }

    /** The kind of value {@code name} takes in {@code spec}, or why the network has no such setting. */
    static Parameter.Kind kindOf(String name, NetworkSpec spec) throws SweepException {
        switch (name) {
            case "learning_rate", "l2", "momentum", "dropout" -> {
                if (name.equals("dropout") && dropoutLayers(spec).isEmpty()) {
                    throw new SweepException("dropout: the network '" + spec.name() + "' has no dropout layer; add "
                            + "one, or vary another setting");
                }
                return Parameter.Kind.REAL;
            }
            case "batch_size", "epochs" -> {
                return Parameter.Kind.INTEGER;
            }
            case "optimizer" -> {
                return Parameter.Kind.CHOICE;
            }
            default -> {
                int dot = name.indexOf('.');
                if (dot < 0) {
                    throw new SweepException("unknown setting '" + name + "'; expected one of "
                            + String.join(", ", TRAINING) + ", or LAYER.SETTING with a layer of the network ("
                            + layerSettings(spec) + ")");
                }
                LayerSpec layer = layer(spec, name.substring(0, dot));
                String setting = name.substring(dot + 1);
                if (!settingOf(layer).equals(Optional.of(setting))) {
                    throw new SweepException("layer '" + layer.name() + "' is a " + layer.type() + " layer, which "
                            + "has no setting '" + setting + "' to vary; " + settingOf(layer)
                            .map(s -> "it has '" + s + "' (" + layer.name() + "." + s + ")")
                            .orElse("a sweep varies filters, units and dropout rates only"));
                }
                return setting.equals("rate") ? Parameter.Kind.REAL : Parameter.Kind.INTEGER;
            }
        }
    }

    /** The ids {@code optimizer} accepts. */
    static List<String> optimizers() {
        return Arrays.stream(Optimizer.values()).map(Optimizer::id).toList();
    }

    /** {@code spec} with a trial's settings put in (names and values as {@link SweepDefinition} checked them). */
    public static NetworkSpec apply(NetworkSpec spec, Map<String, Object> settings) throws SweepException {
        NetworkSpec result = spec;
        for (var setting : settings.entrySet()) {
            result = apply(result, setting.getKey(), setting.getValue());
        }
        return result;
    }

    private static NetworkSpec apply(NetworkSpec spec, String name, Object value) throws SweepException {
        TrainingSpec t = spec.training();
        switch (name) {
            case "learning_rate" -> {
                return spec.withTraining(t.withOptimizer(t.optimizer(), real(value)));
            }
            case "batch_size" -> {
                return spec.withTraining(t.withBatchSize(whole(value)));
            }
            case "epochs" -> {
                return spec.withTraining(t.withEpochs(whole(value)));
            }
            case "l2" -> {
                return spec.withTraining(t.withL2(real(value)));
            }
            case "momentum" -> {
                return spec.withTraining(new TrainingSpec(t.optimizer(), t.learningRate(), real(value), t.batchSize(),
                        t.epochs(), t.l2(), t.seed(), t.schedule(), t.warmupEpochs(), t.earlyStopping()));
            }
            case "optimizer" -> {
                Optimizer optimizer = Arrays.stream(Optimizer.values()).filter(o -> o.id().equals(value))
                        .findFirst().orElseThrow(() -> new SweepException("optimizer: expected one of "
                                + String.join(", ", optimizers()) + ", found '" + value + "'"));
                return spec.withTraining(t.withOptimizer(optimizer, t.learningRate()));
            }
            case "dropout" -> {
                kindOf(name, spec);
                List<LayerSpec> layers = new ArrayList<>();
                for (LayerSpec layer : spec.layers()) {
                    layers.add(layer instanceof DropoutSpec d ? d.withRate(real(value)) : layer);
                }
                return spec.withLayers(layers);
            }
            default -> {
                kindOf(name, spec);
                String layerName = name.substring(0, name.indexOf('.'));
                List<LayerSpec> layers = new ArrayList<>();
                for (LayerSpec layer : spec.layers()) {
                    if (!layer.name().equals(layerName)) {
                        layers.add(layer);
                    } else if (layer instanceof ConvolutionSpec c) {
                        layers.add(c.withFilters(whole(value)));
                    } else if (layer instanceof DenseSpec d) {
                        layers.add(d.withUnits(whole(value)));
                    } else if (layer instanceof DropoutSpec d) {
                        layers.add(d.withRate(real(value)));
                    }
                }
                return spec.withLayers(layers);
            }
        }
    }

    private static LayerSpec layer(NetworkSpec spec, String name) throws SweepException {
        for (LayerSpec layer : spec.layers()) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new SweepException("the network '" + spec.name() + "' has no layer '" + name + "'; its layers are "
                + spec.layers().stream().map(LayerSpec::name).collect(Collectors.joining(", ")));
    }

    /** The one setting of a layer a sweep can vary. */
    private static Optional<String> settingOf(LayerSpec layer) {
        if (layer instanceof ConvolutionSpec) {
            return Optional.of("filters");
        } else if (layer instanceof DenseSpec) {
            return Optional.of("units");
        } else if (layer instanceof DropoutSpec) {
            return Optional.of("rate");
        }
        return Optional.empty();
    }

    /** "conv1.filters, conv2.filters, dense1.units": what the layers of {@code spec} offer. */
    static String layerSettings(NetworkSpec spec) {
        String all = spec.layers().stream().flatMap(l -> settingOf(l).map(s -> l.name() + "." + s).stream())
                .collect(Collectors.joining(", "));
        return all.isEmpty() ? "it has no layer with filters, units or a dropout rate" : all;
    }

    private static List<LayerSpec> dropoutLayers(NetworkSpec spec) {
        return spec.layers().stream().filter(l -> l instanceof DropoutSpec).toList();
    }

    private static double real(Object value) {
        return ((Number) value).doubleValue();
    }

    private static int whole(Object value) {
        return ((Number) value).intValue();
    }

    /** A value as a person reads it: 0.001 not 1.0E-3, 64 not 64.0. */
    public static String format(Object value) {
        if (value instanceof Double d) {
            return new java.math.BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
