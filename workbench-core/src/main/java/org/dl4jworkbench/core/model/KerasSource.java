package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a model that the workbench did not train came from: a Keras 2 file imported by
 * {@code KerasModels.save} (or a pretrained network of the catalogue, which is one). Such a
 * model has no network spec: its layers were never the editor's, so {@link LoadedModel#spec()}
 * is null for it, and only for it.
 *
 * @param file         the file's name as imported (no folder: model files travel)
 * @param kerasVersion {@code keras_version} of the file, e.g. "2.1.4"
 * @param backend      {@code backend} of the file, e.g. "tensorflow"
 * @param channelsLast whether the network takes {@code [N, height, width, channels]} (Keras's
 *                     usual layout); recorded rather than guessed, since a network without
 *                     convolutions does not show it
 */
public record KerasSource(@JsonProperty(required = true) String file, String kerasVersion, String backend,
                          @JsonProperty(required = true) boolean channelsLast) {
}
