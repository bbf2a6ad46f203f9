package org.dl4jworkbench.core.spec;

import static org.dl4jworkbench.core.spec.Activation.IDENTITY;
import static org.dl4jworkbench.core.spec.Activation.RELU;
import static org.dl4jworkbench.core.spec.Padding.SAME;
import static org.dl4jworkbench.core.spec.Padding.VALID;

import java.util.List;
import java.util.Optional;

/**
 * The built-in networks, each the network of a tutorial this product grew from. Training
 * settings are the tutorial's where it gave them and they train well in DL4J; where they
 * differ, the comment says why.
 */
public final class Templates {

    public static final String DEFAULT = "lenet";

    // A horizontal flip suits photos, never digits (it changes the digit). Declared before
    // ALL, which builds the templates from it; docs/decisions/0008.
    private static final AugmentationSpec FLIP = new AugmentationSpec(true, 0, 0, 0);
    private static final AugmentationSpec FLIP_AND_SHIFT = new AugmentationSpec(true, 0, 0.05, 0);

    private static final List<Template> ALL = List.of(mlp(), lenet(), mnistCnn(), cifar10Small(), cifar10Cnn(),
            cifar10Fast(), catsDogs(), mobileNetTransfer());

    /** The template for a folder of the user's own photos. */
    public static final String TRANSFER = "mobilenet-transfer";

    private Templates() {
    }

    public static List<Template> all() {
        return ALL;
    }

    public static Optional<Template> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(Template::id).toList();
    }

    /**
     * The Keras beginner's MNIST MLP: batch 32, 3 epochs, inputs standardized by the training
     * set, as the tutorial; Adam 1e-3 where it used SGD 0.01 (96.56% test on full MNIST, the
     * tutorial 96.11%).
     */
    static Template mlp() {
        var spec = new NetworkSpec("mlp", new InputSpec(28, 28, 1),
                List.of(DenseSpec.of(128, RELU), DenseSpec.of(128, RELU)),
                new OutputSpec(10), TrainingSpec.adam(0.001, 32, 3),
                DataSpec.DEFAULT.withNormalization(Normalization.STANDARDIZE));
        return new Template("mlp", "MLP (MNIST)",
                "Two dense layers of 128 on flattened 28x28 digits: the Keras beginner's network.",
                "mnist", 0.9611, "\"Image Classification with Tensorflow\" (Keras beginner post, TF 2.3)", spec);
    }

    /**
     * DL4J's LenetMnistExample, with identity activations on the convolutions as in the
     * example, its L2 5e-4, seed and single epoch. The example's Adam 1e-3 with batch 64 needs
     * several epochs of the 10,000-image mnist-mini to pass 95% (measured: 93 to 94% after one,
     * as PyTorch gets with the same network); batch 32 with Adam 2e-3 decayed to zero on a
     * cosine reaches 95.5 to 96% in one epoch, and over 98.5% in two epochs of full MNIST.
     */
    static Template lenet() {
        var spec = new NetworkSpec("lenet", new InputSpec(28, 28, 1),
                List.of(ConvolutionSpec.of(20, 5, VALID, IDENTITY), PoolingSpec.max(2),
                        ConvolutionSpec.of(50, 5, VALID, IDENTITY), PoolingSpec.max(2),
                        DenseSpec.of(500, RELU)),
                new OutputSpec(10), TrainingSpec.adam(0.002, 32, 1).withL2(0.0005).withSeed(123)
                        .withSchedule(Schedule.COSINE, 0));
        return new Template("lenet", "LeNet (MNIST)",
                "LeNet-5 as in DL4J's LenetMnistExample: two 5x5 convolutions with max pooling, dense 500.",
                "mnist", 0.99, "Deeplearning4j examples, LenetMnistExample", spec);
    }

    /**
     * The CNN of Guru99's CNN tutorial. It trains with plain gradient descent (learning rate
     * 0.001, 16,000 steps of 100); Adam reaches its accuracy in a fraction of the time, so the
     * template uses Adam (98.84% test on full MNIST after its 2 epochs, the tutorial 96.9%).
     */
    static Template mnistCnn() {
        var spec = new NetworkSpec("mnist-cnn", new InputSpec(28, 28, 1),
                List.of(ConvolutionSpec.of(14, 5, SAME, RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(36, 5, SAME, RELU), PoolingSpec.max(2),
                        DenseSpec.of(1764, RELU), DropoutSpec.of(0.4)),
                new OutputSpec(10), TrainingSpec.adam(0.001, 100, 2));
        return new Template("mnist-cnn", "CNN (MNIST)",
                "Two 5x5 'same' convolutions (14 and 36 filters) with pooling, dense 1764, dropout 0.4.",
                "mnist", 0.969, "Guru99, \"CNN Image Classification in TensorFlow with Steps & Examples\"", spec);
    }

    /**
     * Huseyn Gasimov's small CIFAR-10 network with his dropout rate 0.3 (the share dropped),
     * Adam 1e-3 and batch 128. Ten epochs instead of his 51, decayed to zero on a cosine, with
     * photos flipped and shifted by up to 5%: docs/decisions/0008.
     */
    static Template cifar10Small() {
        var spec = new NetworkSpec("cifar10-small", new InputSpec(32, 32, 3),
                List.of(ConvolutionSpec.of(64, 4, SAME, RELU), PoolingSpec.max(3, 2, SAME), DropoutSpec.of(0.3),
                        ConvolutionSpec.of(64, 2, SAME, RELU), PoolingSpec.max(3, 2, SAME), DropoutSpec.of(0.3)),
                new OutputSpec(10), TrainingSpec.adam(0.001, 128, 10).withSchedule(Schedule.COSINE, 0),
                DataSpec.DEFAULT.withValidationSplit(0.1).withAugmentation(FLIP_AND_SHIFT));
        return new Template("cifar10-small", "Small CNN (CIFAR-10)",
                "Two 'same' convolutions of 64 filters, each with overlapping 3x3 max pooling and dropout.",
                "cifar10", 0.6206, "Huseyn Gasimov, \"Image Classification With Tensorflow for Beginners\" (2018)", spec);
    }

    /**
     * Nikolay Kostadinov's CIFAR-10 CNN with its dropout 0.5 and batch 256. Thirty epochs instead
     * of its 50, Adam 2e-3 decayed to zero on a cosine instead of a constant 1e-3, and photos
     * flipped: docs/decisions/0008.
     */
    static Template cifar10Cnn() {
        var spec = new NetworkSpec("cifar10-cnn", new InputSpec(32, 32, 3),
                List.of(ConvolutionSpec.of(32, 7, SAME, RELU).withStride(2), PoolingSpec.max(2),
                        ConvolutionSpec.of(64, 3, SAME, RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(128, 2, SAME, RELU), PoolingSpec.max(2),
                        DropoutSpec.of(0.5), DenseSpec.of(1024, RELU), DropoutSpec.of(0.5), DenseSpec.of(128, RELU)),
                new OutputSpec(10), TrainingSpec.adam(0.002, 256, 30).withSchedule(Schedule.COSINE, 0),
                DataSpec.DEFAULT.withValidationSplit(0.1).withAugmentation(FLIP));
        return new Template("cifar10-cnn", "CNN (CIFAR-10)",
                "Three convolution and pooling blocks (8x8x32, 4x4x64, 2x2x128), then dense 1024 and 128.",
                "cifar10", 0.673, "Nikolay Kostadinov, \"Convolutional neural network for image classification from "
                + "scratch\" (2017)", spec);
    }

    /**
     * cv-tricks' "Tensorflow Tutorial 2: image classifier using convolutional neural network"
     * (cats vs dogs, 128x128): Adam 1e-4, batch 32, 20% held back for validation. Photos are
     * flipped, shifted and zoomed by up to 10%, as photo tools do by default: on 500 CIFAR-10
     * cats and dogs a class (enlarged to 128x128) the test accuracy stayed (56.00% against
     * 55.75%) while the gap between training and validation accuracy fell from 17 to 2 points.
     */
    static Template catsDogs() {
        var spec = new NetworkSpec("cats-dogs", new InputSpec(128, 128, 3),
                List.of(ConvolutionSpec.of(32, 3, SAME, RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(32, 3, SAME, RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(64, 3, SAME, RELU), PoolingSpec.max(2),
                        DenseSpec.of(128, RELU)),
                new OutputSpec(2), TrainingSpec.adam(0.0001, 32, 10), DataSpec.DEFAULT.withValidationSplit(0.2)
                        .withAugmentation(new AugmentationSpec(true, 0, 0.1, 0.1)));
        return new Template("cats-dogs", "Cats vs dogs",
                "Three 3x3 convolution blocks (32, 32, 64 filters) with max pooling on 128x128 photos, dense 128.",
                "folder", 0.80, "cv-tricks, \"Tensorflow Tutorial 2: image classifier using convolutional "
                + "neural network\" (more than 80% on its validation set, 2,000 photos per class)", spec);
    }

    private static ConvolutionSpec conv3(int filters) {
        return ConvolutionSpec.of(filters, 3, SAME, RELU);
    }

    /**
     * Not a tutorial's: a network for CIFAR-10 on a laptop's CPU, trained in the time a
     * tutorial's network takes to reach 65 to 70%. Six 3x3 convolutions of 32 to 192 filters,
     * each after the first followed by batch normalization (the first's, on 32x32 planes,
     * cost a tenth of a step and little accuracy), four 2x2 poolings, Adam 2e-3 decayed to zero
     * on a cosine over 13 epochs, photos flipped and shifted: docs/decisions/0009.
     */
    static Template cifar10Fast() {
        var spec = new NetworkSpec("cifar10-fast", new InputSpec(32, 32, 3),
                List.of(conv3(32), PoolingSpec.max(2),
                        conv3(48), BatchNormSpec.create(), conv3(48), BatchNormSpec.create(), PoolingSpec.max(2),
                        conv3(96), BatchNormSpec.create(), conv3(96), BatchNormSpec.create(), PoolingSpec.max(2),
                        conv3(192), BatchNormSpec.create(), PoolingSpec.max(2)),
                new OutputSpec(10), TrainingSpec.adam(0.002, 128, 13).withSchedule(Schedule.COSINE, 0),
                DataSpec.DEFAULT.withValidationSplit(0.05).withAugmentation(FLIP_AND_SHIFT));
        return new Template("cifar10-fast", "Fast CNN (CIFAR-10)",
                "Six 3x3 convolutions (32 to 192 filters) with batch normalization and 2x2 pooling, made for "
                + "CIFAR-10 on a laptop's CPU: 80.5% test accuracy in 18 to 21 minutes on 2 cores.",
                "cifar10", Double.NaN, "this workbench, not a tutorial (docs/decisions/0009)", spec);
    }

    /**
     * Transfer learning as Teachable Machine, Lobe and Keras's own transfer-learning guide do
     * it: MobileNet v1 pretrained on ImageNet, frozen and cut at its global average pooling,
     * then dropout 0.2 and a new softmax output for the user's classes. Without augmentation
     * the backbone's features are computed once and an epoch trains the output layer only.
     */
    static Template mobileNetTransfer() {
        var spec = new NetworkSpec(TRANSFER, new InputSpec(224, 224, 3), List.of(DropoutSpec.of(0.2)),
                new OutputSpec(2), TrainingSpec.adam(0.001, 32, 10),
                DataSpec.DEFAULT.withNormalization(Normalization.SYMMETRIC), BackboneSpec.frozen(Backbones.MOBILENET_V1));
        return new Template(TRANSFER, "Your photos, from a network trained on ImageNet",
                "MobileNet v1 (0.75, ImageNet) frozen up to its global average pooling, then dropout 0.2 and a new "
                + "output layer for your classes; photos are resized to 224x224.",
                "folder", Double.NaN, "Keras, \"Transfer learning & fine-tuning\" (no accuracy reported; "
                + "Teachable Machine and Lobe retrain the same way)", spec);
    }
}
