package org.dl4jworkbench.app.charts;

/**
 * An exponential moving average of per-batch losses, so the trend shows through minibatch
 * noise. It is debiased (divided by the weight seen so far, as in Adam and TensorBoard): a
 * plain EMA started at 0 would begin far below the first losses.
 */
final class Smoothing {

    private Smoothing() {
    }

    /**
     * The average over about {@code span} points; non-finite inputs are skipped and stay NaN in
     * the result.
     */
    static double[] ema(double[] values, double span) {
        double alpha = 2 / (Math.max(1, span) + 1);
        double[] smoothed = new double[values.length];
        double average = 0;
        double weight = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                smoothed[i] = Double.NaN;
                continue;
            }
            average = (1 - alpha) * average + alpha * values[i];
            weight = (1 - alpha) * weight + alpha;
            smoothed[i] = average / weight;
        }
        return smoothed;
    }

    /**
     * A span that smooths a run of {@code n} points to a readable line: about 1/25 of the run,
     * at least 10 points and at most 2,000.
     */
    static double spanFor(int n) {
        return Math.max(10, Math.min(2000, n / 25.0));
    }
}
