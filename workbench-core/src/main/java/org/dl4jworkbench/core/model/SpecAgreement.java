package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.util.Json;

/**
 * Checks that a model's {@code configuration.json} is the network its own spec (in
 * {@code workbench.json}) compiles to, so the spec the workbench shows, edits and retrains is
 * the network that runs. Both are compared as JSON trees, less what training changes by
 * design: the epoch and iteration counters, the learning rate (a schedule's values depend on
 * the batches per epoch), and the parameter names DL4J lists once a network is built.
 * Compiling is arithmetic on the spec; nothing is allocated.
 */
final class SpecAgreement {

    /** Per layer configuration: counters and the names of the parameters, set by DL4J as it trains. */
    private static final Set<String> TRAINING_STATE = Set.of("epochCount", "iterationCount", "variables");
    /** In an updater: the rate, or the schedule of rates, which depends on the batches per epoch. */
    private static final Set<String> RATE = Set.of("learningRate", "learningRateSchedule");
    private static final Set<String> UPDATERS = Set.of("iupdater", "biasUpdater", "iUpdater");

    private SpecAgreement() {
    }

    static void check(JsonNode configuration, NetworkSpec spec, String where) throws InvalidModelException {
        JsonNode compiled;
        try {
            compiled = Json.mapper().readTree(SpecCompiler.compile(spec).toJson());
        } catch (InvalidNetworkException e) {
            throw new InvalidModelException("cannot use " + where + ": the network spec in "
                    + ModelFiles.METADATA_ENTRY + " does not compile (" + e.getMessage() + "). The file is damaged "
                    + "or was altered", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read back a compiled configuration", e);
        }
        String difference = firstDifference(withoutTrainingState(compiled), withoutTrainingState(configuration), "");
        if (difference != null) {
            throw new InvalidModelException("cannot use " + where + ": the network is not the one the spec in "
                    + ModelFiles.METADATA_ENTRY + " describes (" + difference + "). The file was altered or "
                    + "damaged; train the model again, or ask for the file as the workbench saved it");
        }
    }

    private static JsonNode withoutTrainingState(JsonNode configuration) {
        JsonNode copy = configuration.deepCopy();
        if (copy instanceof ObjectNode top) {
            top.remove(TRAINING_STATE);
            for (JsonNode conf : copy.path("confs")) {
                if (conf instanceof ObjectNode c) {
                    c.remove(TRAINING_STATE);
                    for (String updater : UPDATERS) {
                        if (c.path("layer").get(updater) instanceof ObjectNode u) {
                            u.remove(RATE);
                        }
                    }
                }
            }
        }
        return copy;
    }

    /** Where {@code found} first differs from {@code expected}, with both values; null where they agree. */
    private static String firstDifference(JsonNode expected, JsonNode found, String path) {
        if (expected.equals(found)) {
            return null;
        }
        if (expected.isObject() && found.isObject()) {
            Set<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            found.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String at = path.isEmpty() ? key : path + "." + key;
                if (!expected.has(key)) {
                    return "at " + at + " expected nothing, found " + shorten(found.get(key));
                }
                if (!found.has(key)) {
                    return "at " + at + " expected " + shorten(expected.get(key)) + ", found nothing";
                }
                String d = firstDifference(expected.get(key), found.get(key), at);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isArray() && found.isArray() && expected.size() == found.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = firstDifference(expected.get(i), found.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isNumber() && found.isNumber() && expected.doubleValue() == found.doubleValue()) {
            return null; // 1 and 1.0
        }
        return "at " + (path.isEmpty() ? "the top level" : path) + " expected " + shorten(expected) + ", found "
                + shorten(found);
    }

    private static String shorten(JsonNode node) {
        String s = node.toString();
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
