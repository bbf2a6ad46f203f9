package org.dl4jworkbench.core.sweep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a trial stands: {@code PENDING} (has epochs to train for the current rung, or waits
 * for the rung's ranking), {@code RUNNING} (a process trains it; a sweep found in this state
 * was killed, and trains it again from its checkpoint), and the ends: {@code DONE} (trained
 * all its epochs), {@code STOPPED} (halved out at a rung), {@code FAILED} (its process failed,
 * diverged, or gave no validation accuracy).
 */
public enum TrialStatus {
    PENDING, RUNNING, DONE, STOPPED, FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TrialStatus of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected a trial status (pending, running, done, "
                        + "stopped, failed), found '" + id + "'"));
    }

    public boolean ended() {
        return this == DONE || this == STOPPED || this == FAILED;
    }
}
