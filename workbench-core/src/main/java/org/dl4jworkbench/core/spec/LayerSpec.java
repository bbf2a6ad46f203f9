package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One hidden layer of a sequential image classifier. Immutable; edits make new instances
 * ({@code withName} and the records' own constructors). Values are not range-checked here:
 * a spec may be wrong while the user edits it, and {@code NetworkAnalyzer} reports what is
 * wrong as problems that name the layer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConvolutionSpec.class, name = ConvolutionSpec.TYPE),
    @JsonSubTypes.Type(value = PoolingSpec.class, name = PoolingSpec.TYPE),
    @JsonSubTypes.Type(value = DenseSpec.class, name = DenseSpec.TYPE),
    @JsonSubTypes.Type(value = DropoutSpec.class, name = DropoutSpec.TYPE),
    @JsonSubTypes.Type(value = BatchNormSpec.class, name = BatchNormSpec.TYPE)
})
public sealed interface LayerSpec permits ConvolutionSpec, PoolingSpec, DenseSpec, DropoutSpec, BatchNormSpec {

    /** Unique within a network; {@link NetworkSpec} fills in "conv1", "pool2", ... where none is given. */
    String name();

    LayerSpec withName(String name);

    /** The JSON type id and the prefix of generated names, e.g. "convolution". */
    String type();

    /** Prefix for generated names: "conv", "pool", "dense", "dropout", "bn". */
    String namePrefix();

    /** Key settings in a few characters, e.g. "5x5x20, stride 1, valid, relu". */
    String settings();
}
