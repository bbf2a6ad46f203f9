package org.dl4jworkbench.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pretrained networks a spec can begin with. */
public final class Backbones {

    /** MobileNet v1, width 0.75, 224x224, ImageNet (Howard et al. 2017; Keras's port of Google's weights). */
    public static final String MOBILENET_V1 = "mobilenet-v1-0.75";

    private static final List<Backbone> ALL = List.of(mobileNetV1());

    private Backbones() {
    }

    public static List<Backbone> all() {
        return ALL;
    }

    public static Optional<Backbone> find(String id) {
        return ALL.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(Backbone::id).toList();
    }

    /**
     * The blocks of Keras's MobileNet v1 at width 0.75: a 3x3 stride-2 convolution of 24
     * filters, then 13 depthwise-separable blocks (3x3 depthwise, 1x1 pointwise, each with
     * batch normalization and relu6), all 'same' padding, cut at the global average pooling
     * of the last block's 7x7x768 output.
     */
    static Backbone mobileNetV1() {
        int[][] blocks = { // pointwise filters, depthwise stride
            {48, 1}, {96, 2}, {96, 1}, {192, 2}, {192, 1}, {384, 2}, {384, 1}, {384, 1}, {384, 1}, {384, 1},
            {384, 1}, {768, 2}, {768, 1}};
        List<Backbone.Block> list = new ArrayList<>();
        int size = 112; // after conv1's stride 2
        int channels = 24;
        list.add(new Backbone.Block("conv1", "conv1_relu", 3 * 3 * 3 * 24 + 4 * 24, (long) size * size * 24 * 27));
        for (int i = 0; i < blocks.length; i++) {
            int filters = blocks[i][0];
            size = size / blocks[i][1];
            long parameters = 9L * channels + 4L * channels + (long) channels * filters + 4L * filters;
            long macs = (long) size * size * channels * 9 + (long) size * size * channels * filters;
            list.add(new Backbone.Block("block" + (i + 1), "conv_pw_" + (i + 1) + "_relu", parameters, macs));
            channels = filters;
        }
        return new Backbone(MOBILENET_V1, "MobileNet v1 0.75 (ImageNet)", new InputSpec(224, 224, 3),
                Normalization.SYMMETRIC, "global_average_pooling2d_1", channels, list);
    }
}
