package org.dl4jworkbench.app.editor;

import java.util.List;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.PoolingType;
import org.dl4jworkbench.core.spec.Size2;

/** The layer kinds of the palette: what a new one looks like and how it is described. */
public enum LayerDefaults {
    CONVOLUTION("Convolution", "Learns local patterns: filters slide over the image.") {
        @Override
        public LayerSpec create() {
            return ConvolutionSpec.of(32, 3, Padding.SAME, Activation.RELU);
        }
    },
    MAX_POOLING("Max pooling", "Shrinks the image, keeping the strongest response in each window.") {
        @Override
        public LayerSpec create() {
            return PoolingSpec.max(2);
        }
    },
    AVERAGE_POOLING("Average pooling", "Shrinks the image, averaging each window.") {
        @Override
        public LayerSpec create() {
            return new PoolingSpec(null, PoolingType.AVERAGE, Size2.square(2), null, Padding.VALID);
        }
    },
    DENSE("Dense", "Connects every input to every unit; flattens an image first.") {
        @Override
        public LayerSpec create() {
            return DenseSpec.of(128, Activation.RELU);
        }
    },
    DROPOUT("Dropout", "Randomly drops activations while training, against overfitting.") {
        @Override
        public LayerSpec create() {
            return DropoutSpec.of(0.25);
        }
    },
    BATCH_NORM("Batch normalization", "Normalizes activations per channel; trains faster and steadier.") {
        @Override
        public LayerSpec create() {
            return BatchNormSpec.create();
        }
    };

    private final String title;
    private final String description;

    LayerDefaults(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public abstract LayerSpec create();

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static List<LayerDefaults> palette() {
        return List.of(values());
    }
}
