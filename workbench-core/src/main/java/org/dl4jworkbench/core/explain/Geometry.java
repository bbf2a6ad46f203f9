package org.dl4jworkbench.core.explain;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;

/**
 * Where a layer's feature cells sit on the input: cell {@code i}'s receptive field is centred
 * at input coordinate {@code offset + stride * i} (pixel {@code x} spans {@code [x, x+1)}).
 * A plain resize of a feature map to the input size is right only where the convolutions pad
 * ("same"); LeNet's unpadded 5x5 convolutions leave its last 8x8 maps centred on the middle
 * 14 pixels of 28, and stretching them over all 28 would smear the heat onto the empty border.
 * The geometry is worked out from the layers' kernels, strides and padding on the way from the
 * input to the layer; where a layer on that way is not understood, the caller gets nothing and
 * falls back to a plain resize.
 */
record Geometry(double offsetY, double strideY, double offsetX, double strideX) {

    /** A plain resize: {@code cells} cells spread evenly over {@code size} pixels. */
    static Geometry stretched(int height, int width, int rows, int columns) {
        double sy = height / (double) rows;
        double sx = width / (double) columns;
        return new Geometry(sy / 2, sy, sx / 2, sx);
    }

    /**
     * @param path the layers from the input to the target, in forward order (configurations, frozen wrappers removed;
     *             null for vertices without a layer, which keep the geometry)
     * @return null where a layer is not understood or the sizes do not come out as the feature map's
     */
    static Geometry of(List<Layer> path, int height, int width, int rows, int columns) {
        Axis[] axes = walk(path, height, width);
        if (axes == null || axes[0].size != rows || axes[1].size != columns) {
            return null;
        }
        return new Geometry(axes[0].offset, axes[0].stride, axes[1].offset, axes[1].stride);
    }

    /**
     * The feature map's rows and columns at the end of {@code path}, as far as the layers on it
     * tell (null where one is not understood): how Grad-CAM's default skips a convolution on a
     * 1x1 map (a Keras classifier's last "convolution" is a dense layer in disguise).
     */
    static int[] size(List<Layer> path, int height, int width) {
        Axis[] axes = walk(path, height, width);
        return axes == null ? null : new int[] {axes[0].size, axes[1].size};
    }

    private static Axis[] walk(List<Layer> path, int height, int width) {
        Axis y = new Axis(0.5, 1, height);
        Axis x = new Axis(0.5, 1, width);
        for (Layer layer : path) {
            if (layer instanceof ConvolutionLayer c) {
                y = y.window(c.getKernelSize()[0], c.getStride()[0], c.getPadding()[0], c.getDilation()[0],
                        c.getConvolutionMode());
                x = x.window(c.getKernelSize()[1], c.getStride()[1], c.getPadding()[1], c.getDilation()[1],
                        c.getConvolutionMode());
            } else if (layer instanceof SubsamplingLayer s) {
                y = y.window(s.getKernelSize()[0], s.getStride()[0], s.getPadding()[0], s.getDilation()[0],
                        s.getConvolutionMode());
                x = x.window(s.getKernelSize()[1], s.getStride()[1], s.getPadding()[1], s.getDilation()[1],
                        s.getConvolutionMode());
            } else if (layer instanceof ZeroPaddingLayer z) {
                int[] p = z.getPadding();
                y = y.pad(p[0], p[1]);
                x = x.pad(p[2], p[3]);
            } else if (layer instanceof Cropping2D c) {
                int[] p = c.getCropping();
                y = y.pad(-p[0], -p[1]);
                x = x.pad(-p[2], -p[3]);
            } else if (layer instanceof GlobalPoolingLayer) {
                y = y.pooled();
                x = x.pooled();
            }
            if (y == null || x == null) {
                return null;
            }
        }
        return new Axis[] {y, x};
    }

    /** One axis: the centre of cell 0, the distance between cell centres (both in input pixels), and the cell count. */
    private record Axis(double offset, double stride, int size) {

        Axis window(int kernel, int step, int padding, int dilation, ConvolutionMode mode) {
            int k = (kernel - 1) * Math.max(1, dilation) + 1;
            int out;
            int before;
            if (mode == ConvolutionMode.Same) {
                out = (size + step - 1) / step;
                before = Math.max(0, (out - 1) * step + k - size) / 2;
            } else if (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict || mode == null) {
                out = (size + 2 * padding - k) / step + 1;
                before = padding;
            } else {
                return null;
            }
            return new Axis(offset + stride * ((k - 1) / 2.0 - before), stride * step, out);
        }

        /** One cell centred on the whole axis. */
        Axis pooled() {
            return new Axis(offset + stride * (size - 1) / 2.0, stride * size, 1);
        }

        Axis pad(int before, int after) {
            return new Axis(offset - stride * before, stride, size + before + after);
        }
    }
}
