package org.dl4jworkbench.core.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trial of a sweep as its state file records it: its {@code id} (also its run folder's
 * name in the sweep folder), its {@code settings}, its {@link TrialStatus}, the {@code rung}
 * it trains for or last reached, the {@code epochs} its run folder has done, its validation
 * accuracy after those epochs ({@code rungAccuracies}: after each rung it reached), and a
 * {@code message} saying why it stopped or failed. Immutable.
 */
public record TrialState(String id, Map<String, Object> settings, TrialStatus status, int rung, int epochs,
                         Double validationAccuracy, List<Double> rungAccuracies, String message) {

    public TrialState {
        Objects.requireNonNull(id, "id");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        rungAccuracies = List.copyOf(Objects.requireNonNullElse(rungAccuracies, List.of()));
        message = Objects.requireNonNullElse(message, "");
    }

    static TrialState pending(String id, Map<String, Object> settings) {
        return new TrialState(id, settings, TrialStatus.PENDING, 0, 0, null, List.of(), "");
    }

    TrialState withStatus(TrialStatus newStatus, String newMessage) {
        return new TrialState(id, settings, newStatus, rung, epochs, validationAccuracy, rungAccuracies, newMessage);
    }

    TrialState withRung(int newRung) {
        return new TrialState(id, settings, status, newRung, epochs, validationAccuracy, rungAccuracies, message);
    }

    /** After training to {@code newEpochs} with {@code accuracy} on the validation images. */
    TrialState trained(int newEpochs, double accuracy) {
        List<Double> accuracies = new ArrayList<>(rungAccuracies);
        accuracies.add(accuracy);
        return new TrialState(id, settings, status, rung, newEpochs, accuracy, accuracies, message);
    }

    /** "done", "stopped early at rung 1", "failed". */
    public String outcome() {
        return switch (status) {
            case STOPPED -> "stopped early at rung " + (rung + 1);
            default -> status.id();
        };
    }
}
