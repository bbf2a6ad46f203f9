package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The pretrained network a spec begins with ({@link Backbones} knows them), cut where its
 * {@link Backbone} says (for MobileNet, the global average pooling). {@code trainableFrom}
 * names the first block that trains with the user's layers ("block12"); none keeps the whole
 * backbone frozen, so only the user's layers learn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackboneSpec(@JsonProperty(required = true) String model, String trainableFrom) {

    public static BackboneSpec frozen(String model) {
        return new BackboneSpec(model, null);
    }

    @JsonIgnore
    public boolean isFrozen() {
        return trainableFrom == null || trainableFrom.isBlank();
    }

    public BackboneSpec withTrainableFrom(String block) {
        return new BackboneSpec(model, block);
    }
}
