package org.dl4jworkbench.core.spec;

import java.util.Objects;

/**
 * How the training data is prepared: the share of the training images held back (stratified,
 * from the training seed) to validate on after every epoch, the normalization, and the
 * augmentation. All optional in files.
 */
public record DataSpec(double validationSplit, Normalization normalization, AugmentationSpec augmentation) {

    public static final double DEFAULT_VALIDATION_SPLIT = 0.1;
    public static final DataSpec DEFAULT = new DataSpec(DEFAULT_VALIDATION_SPLIT, Normalization.SCALE,
            AugmentationSpec.NONE);

    public DataSpec {
        normalization = Objects.requireNonNullElse(normalization, Normalization.SCALE);
        augmentation = Objects.requireNonNullElse(augmentation, AugmentationSpec.NONE);
    }

    public DataSpec withValidationSplit(double share) {
        return new DataSpec(share, normalization, augmentation);
    }

    public DataSpec withNormalization(Normalization newNormalization) {
        return new DataSpec(validationSplit, newNormalization, augmentation);
    }

    public DataSpec withAugmentation(AugmentationSpec newAugmentation) {
        return new DataSpec(validationSplit, normalization, newAugmentation);
    }
}
