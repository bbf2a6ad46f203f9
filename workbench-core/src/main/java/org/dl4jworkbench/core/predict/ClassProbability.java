package org.dl4jworkbench.core.predict;

/** One class of a prediction: its index in the model's class list, its name, and its probability (0..1). */
public record ClassProbability(int index, String name, double probability) {
}
