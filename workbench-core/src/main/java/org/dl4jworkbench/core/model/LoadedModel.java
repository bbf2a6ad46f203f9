package org.dl4jworkbench.core.model;

import java.time.Duration;
import java.util.List;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * A model file opened by {@link ModelFiles#load}: the network with its weights and updater
 * state (training could continue), the metadata, and the network spec it was trained from.
 * {@code spec} is null for a model imported from Keras (and a pretrained network used as it
 * is), and only for it: such a model was never drawn in the editor, so there is no spec to
 * show, edit or retrain; {@code metadata().kerasImport()} says where it came from. Callers
 * that show or retrain the spec must allow for that.
 * {@code screening} is how long the checks before DL4J took (zip, configuration allow-list,
 * parameter count, metadata), for benchmarks.
 *
 * <p>DL4J's {@code output} and {@code fit} are synchronized on the network: give
 * this network to one user (a {@code Predictor}, or a training run), not both.
 */
public record LoadedModel(Network network, ModelMetadata metadata, NetworkSpec spec, Duration screening) {

    public Normalizer normalizer() {
        return metadata.normalizer();
    }

    public List<String> classNames() {
        return metadata.classNames();
    }

    /** The image size the network takes, as it was trained. */
    public InputSpec input() {
        return new InputSpec(metadata.height(), metadata.width(), metadata.channels());
    }
}
