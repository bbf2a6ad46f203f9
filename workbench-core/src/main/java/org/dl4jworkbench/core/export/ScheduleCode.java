package org.dl4jworkbench.core.export;

import java.util.Set;
import java.util.TreeSet;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * The updater and its learning-rate schedule as {@code SpecCompiler.updater} and
 * {@code SpecCompiler.schedule} make them. A constant or step schedule is one expression; a
 * cosine or a warm-up depends on the minibatches per epoch, so it becomes a method
 * {@code learningRate(int iterationsPerEpoch)} that lays out the same table the workbench does,
 * with the same arithmetic in the same order (the test compares the tables value for value).
 */
final class ScheduleCode {

    /** The most steps of the cosine table, as {@code SpecCompiler.COSINE_STEPS}. */
    private static final int COSINE_STEPS = 200;
    /** The most steps of a warm-up's rise, as {@code SpecCompiler.WARMUP_STEPS}. */
    private static final int WARMUP_STEPS = 50;

    private final TrainingSpec training;

    ScheduleCode(TrainingSpec training) {
        this.training = training;
    }

    /** Whether the schedule, and so the configuration, depends on the minibatches per epoch. */
    boolean perIteration() {
        return training.schedule() instanceof Schedule.Cosine || training.warmupEpochs() > 0;
    }

    /** The updater expression; it refers to {@code iterationsPerEpoch} where {@link #perIteration()}. */
    String updater() {
        String schedule = perIteration() ? "learningRate(iterationsPerEpoch)"
                : base(JavaText.number(training.learningRate()));
        return switch (training.optimizer()) {
            case ADAM -> "new Adam(" + schedule + ")";
            case SGD -> "new Sgd(" + schedule + ")";
            case NESTEROV -> "new Nesterovs(" + schedule + ", " + JavaText.number(training.momentum()) + ")";
            case RMSPROP -> "new RmsProp(" + schedule + ")";
        };
    }

    /** The class the updater is, for the imports. */
    String updaterClass() {
        return switch (training.optimizer()) {
            case ADAM -> "Adam";
            case SGD -> "Sgd";
            case NESTEROV -> "Nesterovs";
            case RMSPROP -> "RmsProp";
        };
    }

    /** What the updater line's comment says of the schedule. */
    String note() {
        String warmup = training.warmupEpochs() > 0
                ? ", after a linear warm-up over " + JavaText.number(training.warmupEpochs()) + " epoch(s)" : "";
        return "learning rate " + JavaText.number(training.learningRate()) + ", " + training.schedule() + warmup;
    }

    /** The nd4j schedule classes the code uses, simple names, for the imports. */
    Set<String> scheduleImports() {
        Set<String> names = new TreeSet<>();
        Schedule s = training.schedule();
        if (s instanceof Schedule.Step) {
            names.add("StepSchedule");
            names.add("ScheduleType");
        } else if (s instanceof Schedule.Cosine) {
            names.add("MapSchedule");
            names.add("ScheduleType");
        } else {
            names.add("FixedSchedule");
        }
        if (training.warmupEpochs() > 0) {
            names.add("MapSchedule");
            names.add("ScheduleType");
        }
        if (perIteration()) {
            names.add("ISchedule");
        }
        return names;
    }

    /** The schedule without a warm-up, as one expression (not for a cosine). */
    private String base(String lr) {
        if (training.schedule() instanceof Schedule.Step step) {
            return "new StepSchedule(ScheduleType.EPOCH, " + lr + ", " + JavaText.number(step.factor())
                    + ", " + step.everyEpochs() + ")";
        }
        return "new FixedSchedule(" + lr + ")";
    }

    /** The {@code learningRate} method where {@link #perIteration()}, else an empty string. */
    String method() {
        if (!perIteration()) {
            return "";
        }
        boolean cosine = training.schedule() instanceof Schedule.Cosine;
        boolean warmup = training.warmupEpochs() > 0;
        var m = new StringBuilder();
        m.append("""

                    /**
                     * The learning rate over the run: %s.
                     *
                     * @param iterationsPerEpoch minibatches in one epoch: training images / BATCH_SIZE, rounded up
                     */
                    static ISchedule learningRate(int iterationsPerEpoch) {
                        double lr = %s;
                """.formatted(JavaText.comment(note()), JavaText.number(training.learningRate())));
        if (cosine) {
            m.append("""
                            // DL4J has no cosine schedule: lay one out as a table of at most %d steps over the run,
                            // from lr down towards zero.
                            int total = Math.max(1, iterationsPerEpoch * EPOCHS);
                            int steps = Math.min(total, %d);
                            Map<Integer, Double> cosine = new HashMap<>();
                            for (int step = 0; step < steps; step++) {
                                int iteration = (int) ((long) step * total / steps);
                                double progress = (double) iteration / total;
                                cosine.put(iteration, lr * (0.5 * (1 + Math.cos(Math.PI * progress))));
                            }
                    """.formatted(COSINE_STEPS, COSINE_STEPS));
            m.append(warmup ? "        ISchedule base = new MapSchedule(ScheduleType.ITERATION, cosine);\n"
                    : "        return new MapSchedule(ScheduleType.ITERATION, cosine);\n    }\n");
            if (!warmup) {
                return m.toString();
            }
        } else {
            m.append("        ISchedule base = ").append(base("lr")).append(";\n");
        }
        if (!warmup) {
            return m.append("        return base;\n    }\n").toString();
        }
        m.append("""
                        // A linear warm-up, as DL4J's RampSchedule computes it (base * (i + 1) / warmup), laid out as a
                        // table: DL4J 1.0.0-M2.1 cannot read a RampSchedule back from a saved model.
                        int warmup = (int) Math.round(%s * iterationsPerEpoch);
                        if (warmup <= 1) {
                            return base;
                        }
                        int perEpoch = Math.max(1, iterationsPerEpoch);
                        Map<Integer, Double> values = new HashMap<>();
                        int rampSteps = Math.min(warmup, %d);
                        for (int k = 0; k < rampSteps; k++) {
                            int i = (int) ((long) k * warmup / rampSteps);
                            values.put(i, base.valueAt(i, i / perEpoch) * (i + 1) / warmup);
                        }
                        values.put(warmup, base.valueAt(warmup, warmup / perEpoch));
                """.formatted(JavaText.number(training.warmupEpochs()), WARMUP_STEPS));
        if (cosine) {
            m.append("""
                            // After the warm-up, the cosine table's own steps.
                            cosine.forEach((i, v) -> {
                                if (i > warmup) {
                                    values.put(i, v);
                                }
                            });
                    """);
        } else if (training.schedule() instanceof Schedule.Step) {
            m.append("""
                            // After the warm-up, the step schedule's value at the start of every epoch.
                            for (int epoch = 0; epoch <= EPOCHS; epoch++) {
                                int i = epoch * perEpoch;
                                if (i > warmup) {
                                    values.put(i, base.valueAt(i, i / perEpoch));
                                }
                            }
                    """);
        }
        return m.append("""
                        return new MapSchedule(ScheduleType.ITERATION, values);
                    }
                """).toString();
    }

    /** Whether the code needs java.util's Map and HashMap. */
    boolean usesMaps() {
        return training.schedule() instanceof Schedule.Cosine || training.warmupEpochs() > 0;
    }
}
