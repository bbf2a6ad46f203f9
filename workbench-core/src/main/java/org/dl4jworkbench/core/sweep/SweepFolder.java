package org.dl4jworkbench.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecFormatException;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.dl4jworkbench.core.util.Json;

/**
 * A sweep on disk: {@code sweep.json} ({@link SweepState}), {@code base-network.json} (the base
 * network), and per trial a run folder {@code trial-N/} in the layout {@code train} writes
 * (the runs view and dashboard open it as any run), its network {@code specs/trial-N.json}
 * and its process's output {@code logs/trial-N.log}.
 */
public final class SweepFolder {

    public static final String STATE = "sweep.json";
    public static final String NETWORK = "base-network.json"; // not network.json: the folder is no run

    private final Path dir;

    private SweepFolder(Path dir) {
        this.dir = dir;
    }

    /** A new sweep of {@code definition} in {@code dir}, which holds no sweep yet. */
    public static SweepFolder create(Path dir, SweepDefinition definition) throws IOException, SweepException {
        if (Files.exists(dir.resolve(STATE))) {
            throw new SweepException(dir + " already holds a sweep; continue it with --resume, or choose another "
                    + "--out");
        }
        Files.createDirectories(dir);
        var folder = new SweepFolder(dir);
        SpecJson.write(definition.network(), dir.resolve(NETWORK));
        List<TrialState> trials = new ArrayList<>();
        List<Map<String, Object>> settings = definition.trials();
        int digits = String.valueOf(settings.size()).length();
        for (int i = 0; i < settings.size(); i++) {
            trials.add(TrialState.pending(String.format("trial-%0" + digits + "d", i + 1), settings.get(i)));
        }
        int maxEpochs = settings.stream().mapToInt(s -> epochs(definition.network(), s)).max().orElseThrow();
        folder.write(new SweepState(SweepState.FORMAT_VERSION, definition.network().name(), definition.dataset(),
                definition.parameters().stream().map(Parameter::text).toList(), definition.search(),
                definition.halving(), definition.rungs(maxEpochs), 0, trials));
        return folder;
    }

    /** An existing sweep folder, to resume or read. */
    public static SweepFolder open(Path dir) throws SweepException {
        if (!Files.isRegularFile(dir.resolve(STATE))) {
            throw new SweepException(dir + ": not a sweep folder (it has no " + STATE + "); give the --out folder "
                    + "of an earlier sweep");
        }
        return new SweepFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path runDir(String trial) {
        return dir.resolve(trial);
    }

    public Path specFile(String trial) {
        return dir.resolve("specs").resolve(trial + ".json");
    }

    public Path log(String trial) {
        return dir.resolve("logs").resolve(trial + ".log");
    }

    public SweepState read() throws SweepException {
        try {
            return Json.mapper().readValue(dir.resolve(STATE).toFile(), SweepState.class);
        } catch (IOException e) {
            throw new SweepException(dir.resolve(STATE) + ": cannot be read (" + e.getMessage() + "); start a new "
                    + "sweep with another --out", e);
        }
    }

    public NetworkSpec network() throws SweepException {
        try {
            return SpecJson.read(dir.resolve(NETWORK));
        } catch (SpecFormatException | IOException e) {
            throw new SweepException(dir.resolve(NETWORK) + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The definition the sweep was started with, read back from its files. */
    public SweepDefinition definition() throws SweepException {
        SweepState state = read();
        NetworkSpec network = network();
        return new SweepDefinition(network, state.dataset(), VaryParser.parseAll(state.vary(), network),
                state.search(), state.halving());
    }

    synchronized void write(SweepState state) throws IOException {
        try {
            AtomicFiles.writeString(dir.resolve(STATE), Json.mapper().writeValueAsString(state) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + STATE, e);
        }
    }

    /** The epochs a trial with {@code settings} trains at most: its own where it varies them. */
    static int epochs(NetworkSpec network, Map<String, Object> settings) {
        Object epochs = settings.get("epochs");
        return epochs == null ? network.training().epochs() : ((Number) epochs).intValue();
    }
}
