package org.dl4jworkbench.core.train;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Max pooling whose windows tile the image (kernel equal to stride, no padding, no
 * dilation: the 2x2 pooling of most templates), computed in Java straight on ND4J's buffers;
 * every other pooling goes to the helper given (or, with none, DL4J's own code).
 *
 * <p>Why: for channels-first images whose planes do not fit the core's cache (cats-dogs'
 * 32 channels of 128x128) oneDNN passes over its JIT kernel and runs its reference NCHW
 * pooling, which took a third of a cats-dogs training step (95 ms a minibatch of 32 where
 * the same pooling on channels-last data takes 15); DL4J's oneDNN helper also copies its
 * input and gradient first. A window that tiles needs one pass forward and one back. Results
 * equal DL4J's own code exactly (a maximum is a maximum); the gradient goes to the first
 * largest value of each window, as DL4J's and oneDNN's. docs/benchmarks.md, issue 13.
 */
final class TiledMaxPooling implements SubsamplingHelper {

    /** Below this many input values a call runs on the calling thread alone. */
    private static final long PARALLEL_FROM = 1 << 16;

    private final SubsamplingHelper other;

    /** @param other the helper for the poolings that do not tile; null for DL4J's own code */
    TiledMaxPooling(SubsamplingHelper other) {
        this.other = other;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }

    @Override
    public INDArray activate(INDArray input, boolean training, int[] kernel, int[] strides, int[] pad,
            PoolingType poolingType, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        INDArray output = forward(input, kernel, strides, pad, poolingType, convolutionMode, dilation, format,
                workspaceMgr);
        if (output == null && other != null) {
            output = other.activate(input, training, kernel, strides, pad, poolingType, convolutionMode, dilation,
                    format, workspaceMgr);
        }
        return output;
    }

    /**
     * The pooled input where the windows tile it, else null (DL4J's 1.0.0-M2.1 pooling layer
     * never asks its helper forward: {@link TiledMaxPoolingLayer} does).
     */
    static INDArray forward(INDArray input, int[] kernel, int[] strides, int[] pad, PoolingType poolingType,
            ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        Tiling t = Tiling.of(input, kernel, strides, pad, poolingType, convolutionMode, dilation, format);
        if (t == null) {
            return null;
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {input.size(0), input.size(1), t.oh, t.ow}, 'c');
        FloatBuffer in = input.data().asNioFloat();
        FloatBuffer out = output.data().asNioFloat();
        int inBase = (int) input.offset();
        int outBase = (int) output.offset();
        planes(t, input.length(), p -> t.forward(in, inBase + p * t.h * t.w, out, outBase + p * t.oh * t.ow));
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, int[] kernel, int[] strides,
            int[] pad, PoolingType poolingType, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        Tiling t = Tiling.of(input, kernel, strides, pad, poolingType, convolutionMode, dilation, format);
        if (t == null || epsilon.size(2) != t.oh || epsilon.size(3) != t.ow) {
            return other == null ? null : other.backpropGradient(input, epsilon, kernel, strides, pad, poolingType,
                    convolutionMode, dilation, format, workspaceMgr);
        }
        if (!dense(epsilon)) {
            epsilon = epsilon.castTo(DataType.FLOAT).dup('c');
        }
        // Tiling.backward writes every value of each plane, the edge a truncating window leaves
        // out included (zero), so the array need not be zeroed first.
        INDArray grad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                input.shape(), 'c');
        FloatBuffer in = input.data().asNioFloat();
        FloatBuffer eps = epsilon.data().asNioFloat();
        FloatBuffer g = grad.data().asNioFloat();
        int inBase = (int) input.offset();
        int epsBase = (int) epsilon.offset();
        int gBase = (int) grad.offset();
        planes(t, input.length(), p -> t.backward(in, inBase + p * t.h * t.w, eps, epsBase + p * t.oh * t.ow,
                g, gBase + p * t.h * t.w));
        return new Pair<>(new DefaultGradient(), grad);
    }

    private static void planes(Tiling t, long values, IntConsumer work) {
        IntStream planes = IntStream.range(0, t.planes);
        (values < PARALLEL_FROM ? planes : planes.parallel()).forEach(work);
    }

    /** A float array laid out as a plain C-order block, addressable by an int index. */
    private static boolean dense(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)
                && a.offset() + a.length() <= Integer.MAX_VALUE;
    }

    /** The shape of a pooling that tiles, or null where this pooling does not. */
    private record Tiling(int planes, int h, int w, int kh, int kw, int oh, int ow) {

        static Tiling of(INDArray input, int[] kernel, int[] strides, int[] pad, PoolingType type,
                ConvolutionMode mode, int[] dilation, CNN2DFormat format) {
            if (type != PoolingType.MAX || format != CNN2DFormat.NCHW || input.rank() != 4 || !dense(input)
                    || kernel[0] != strides[0] || kernel[1] != strides[1]
                    || (dilation != null && (dilation[0] != 1 || dilation[1] != 1))) {
                return null;
            }
            int h = (int) input.size(2);
            int w = (int) input.size(3);
            int kh = kernel[0];
            int kw = kernel[1];
            if (h < kh || w < kw) {
                return null;
            }
            if (mode == ConvolutionMode.Same) {
                if (h % kh != 0 || w % kw != 0) {
                    return null; // 'same' pads these
                }
            } else if (mode == ConvolutionMode.Strict || mode == ConvolutionMode.Truncate) {
                if (pad != null && (pad[0] != 0 || pad[1] != 0)) {
                    return null;
                }
                if (mode == ConvolutionMode.Strict && (h % kh != 0 || w % kw != 0)) {
                    return null; // DL4J's own code reports this
                }
            } else {
                return null;
            }
            long planes = input.size(0) * input.size(1);
            return planes > Integer.MAX_VALUE ? null : new Tiling((int) planes, h, w, kh, kw, h / kh, w / kw);
        }

        /** Pools the plane at inOffset into the plane at outOffset, one plane copied in and out. */
        void forward(FloatBuffer in, int inOffset, FloatBuffer out, int outOffset) {
            Scratch s = SCRATCH.get().fit(h * w, oh * ow);
            in.get(inOffset, s.a, 0, h * w);
            float[] x = s.a;
            float[] y = s.c;
            if (kh == 2 && kw == 2) {
                forward2x2(x, y);
            } else {
                forwardAny(x, y);
            }
            out.put(outOffset, y, 0, oh * ow);
        }

        /** The common 2x2 window written out: about six times faster than the loops of any window. */
        private void forward2x2(float[] x, float[] y) {
            for (int oy = 0; oy < oh; oy++) {
                int r0 = 2 * oy * w;
                int r1 = r0 + w;
                int o = oy * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int i = 2 * ox;
                    y[o + ox] = Math.max(Math.max(x[r0 + i], x[r0 + i + 1]), Math.max(x[r1 + i], x[r1 + i + 1]));
                }
            }
        }

        private void forwardAny(float[] x, float[] y) {
            for (int oy = 0; oy < oh; oy++) {
                int row = oy * kh * w;
                int o = oy * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int start = row + ox * kw;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < kh; dy++) {
                        int i = start + dy * w;
                        for (int dx = 0; dx < kw; dx++) {
                            max = Math.max(max, x[i + dx]); // NaN stays NaN
                        }
                    }
                    y[o + ox] = max;
                }
            }
        }

        /** The gradient at one plane's input: each window's to its first largest value. */
        void backward(FloatBuffer in, int inOffset, FloatBuffer eps, int epsOffset, FloatBuffer g, int gOffset) {
            Scratch s = SCRATCH.get().fit(h * w, oh * ow);
            in.get(inOffset, s.a, 0, h * w);
            eps.get(epsOffset, s.c, 0, oh * ow);
            float[] x = s.a;
            float[] e = s.c;
            float[] d = s.b;
            java.util.Arrays.fill(d, 0, h * w, 0f);
            if (kh == 2 && kw == 2) {
                backward2x2(x, e, d);
            } else {
                backwardAny(x, e, d);
            }
            g.put(gOffset, d, 0, h * w);
        }

        private void backward2x2(float[] x, float[] e, float[] d) {
            for (int oy = 0; oy < oh; oy++) {
                int r0 = 2 * oy * w;
                int r1 = r0 + w;
                int o = oy * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int i = 2 * ox;
                    int best = r0 + i;
                    float max = x[best];
                    if (x[r0 + i + 1] > max) {
                        max = x[r0 + i + 1];
                        best = r0 + i + 1;
                    }
                    if (x[r1 + i] > max) {
                        max = x[r1 + i];
                        best = r1 + i;
                    }
                    if (x[r1 + i + 1] > max) {
                        best = r1 + i + 1;
                    }
                    d[best] = e[o + ox];
                }
            }
        }

        private void backwardAny(float[] x, float[] e, float[] d) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int start = oy * kh * w + ox * kw;
                    int best = start;
                    float max = x[start];
                    for (int dy = 0; dy < kh; dy++) {
                        for (int dx = 0; dx < kw; dx++) {
                            int i = start + dy * w + dx;
                            if (x[i] > max) {
                                max = x[i];
                                best = i;
                            }
                        }
                    }
                    d[best] = e[oy * ow + ox];
                }
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A thread's planes: input (a), input gradient (b), output or output gradient (c). */
    private static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] c = new float[0];

        Scratch fit(int in, int out) {
            if (a.length < in) {
                a = new float[in];
                b = new float[in];
            }
            if (c.length < out) {
                c = new float[out];
            }
            return this;
        }
    }
}
