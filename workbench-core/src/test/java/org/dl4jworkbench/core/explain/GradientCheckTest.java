package org.dl4jworkbench.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The walks' gradients are the class score's true gradients: compared with finite
 * differences of the logit, in double precision, on networks with every kind of layer the
 * walks treat specially (pooling, dropout, batch normalization in inference, frozen layers).
 */
class GradientCheckTest {

    /** Cosine similarity between the walk's input gradient and central differences of the score, over every input value. */
    static double agreement(NetworkWalk walk, INDArray x, int cls, ToDoubleFunction<INDArray> score) {
        INDArray analytic = walk.run(x, out -> cls, null).gradient().dup();
        double[] a = analytic.reshape(analytic.length()).toDoubleVector();
        INDArray flat = x.reshape(x.length());
        double h = 1e-5;
        double dot = 0;
        double na = 0;
        double nn = 0;
        for (int i = 0; i < a.length; i++) {
            double v = flat.getDouble(i);
            flat.putScalar(i, v + h);
            double up = score.applyAsDouble(x);
            flat.putScalar(i, v - h);
            double down = score.applyAsDouble(x);
            flat.putScalar(i, v);
            double numeric = (up - down) / (2 * h);
            dot += a[i] * numeric;
            na += a[i] * a[i];
            nn += numeric * numeric;
        }
        assertThat(na).isPositive();
        return dot / Math.sqrt(na * nn);
    }

    /** The logit of a sequential network: the output layer's input times its weights, plus its bias. */
    static double logit(MultiLayerNetwork net, INDArray x, int cls) {
        var acts = net.feedForward(x, false);
        INDArray h = acts.get(acts.size() - 2);
        var out = net.getLayer(net.getnLayers() - 1);
        return h.reshape(1, h.length()).mmul(out.getParam("W")).getDouble(cls) + out.getParam("b").getDouble(cls);
    }

    @Test
    void theSequentialWalksGradientIsTheLogitsGradient() {
        var net = new MultiLayerNetwork(SpecCompiler.compile(CnnModelFixture.spec()));
        net.init();
        MultiLayerNetwork doubles = net.convertDataType(DataType.DOUBLE);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 1, 28, 28);
        int cls = 4;
        double cosine = agreement(new SequentialWalk(doubles), x, cls, in -> logit(doubles, in, cls));
        assertThat(cosine).isGreaterThan(0.999);
    }
}
