package org.dl4jworkbench.app.ui.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.TrainAction;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.app.ui.predict.ModelSources.Opened;
import org.dl4jworkbench.core.keras.KerasImportException;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.predict.Predictor;
import org.dl4jworkbench.core.pretrained.NotInstalledException;
import org.dl4jworkbench.core.pretrained.PretrainedEntry;
import org.dl4jworkbench.core.util.AtomicFiles;

/**
 * What the prediction pane shows and does, without controls: the model in use and what it is,
 * the predictions (newest first) and the rows of predicted folders. Files are read, decoded,
 * predicted and written in the background ({@link BackgroundTask}: models and predictions on
 * {@code compute}, file listings and exports on {@code io}); the state changes on the FX
 * thread. A new model, a new project or Clear starts afresh: results of work started before
 * are dropped. Dropped files are predicted by one task whose results arrive in batches.
 *
 * <p>Over 300 lines: it is one pane's view model. Where the model comes from (a zip, a run, the
 * snapshot of a run in training, a pretrained network, a Keras import), what is predicted and
 * what is exported share the one generation count that drops stale results and the busy count
 * the pane shows; split, that rule would be spread over classes. The work itself is in
 * {@link PredictionWork} and {@link ModelSources}.
 */
public final class PredictionModel {

    public static final String NO_MODEL = "No model yet: train one, or open a model zip.";
    static final int TOP = 3;
    /** Shown for a model with more classes than this: ImageNet's 1,000 have near neighbours. */
    static final int TOP_MANY = 5;

    private final Executor compute;
    private final Executor io;
    private final ObjectProperty<Predictor> predictor = new SimpleObjectProperty<>(this, "predictor");
    private final StringProperty description = new SimpleStringProperty(this, "description", NO_MODEL);
    private final StringProperty activity = new SimpleStringProperty(this, "activity", "");
    private final BooleanProperty snapshot = new SimpleBooleanProperty(this, "snapshot");
    private final IntegerProperty busy = new SimpleIntegerProperty(this, "busy");
    private final BooleanProperty trainingRuns = new SimpleBooleanProperty(this, "trainingRuns");
    private final BooleanProperty folderShown = new SimpleBooleanProperty(this, "folderShown");
    private final ObservableList<PredictionItem> items = FXCollections.observableArrayList();
    private final ObservableList<FolderRow> rows = FXCollections.observableArrayList();
    private final BooleanBinding exportable = Bindings.createBooleanBinding(() -> !rows.isEmpty()
            || items.stream().anyMatch(i -> i instanceof PredictionItem.Shown), rows, items);
    /** Counts fresh starts (a new model or project, Clear); work of an older one is dropped. */
    private long generation;
    private TrainAction training;

    public PredictionModel(Executor compute, Executor io) {
        this.compute = compute;
        this.io = io;
    }

    /** "Model: ..." or {@link #NO_MODEL}. */
    public StringProperty descriptionProperty() {
        return description;
    }

    /** What model is being opened ("Importing model.h5 ..."), or empty. */
    public StringProperty activityProperty() {
        return activity;
    }

    public ObjectProperty<Predictor> predictorProperty() {
        return predictor;
    }

    /** Above zero while background work runs. */
    public IntegerProperty busyProperty() {
        return busy;
    }

    /** True while a run trains (its snapshot can be used). */
    public BooleanProperty trainingRunsProperty() {
        return trainingRuns;
    }

    /** True once a folder was predicted (its table shows). */
    public BooleanProperty folderShownProperty() {
        return folderShown;
    }

    /** Newest first. */
    public ObservableList<PredictionItem> items() {
        return items;
    }

    public ObservableList<FolderRow> rows() {
        return rows;
    }

    /** True when there are predictions to export. */
    public BooleanBinding exportableProperty() {
        return exportable;
    }

    /** Forgets the results shown; work still running for them is dropped. */
    public void clear() {
        generation++;
        items.clear();
        rows.clear();
        folderShown.set(false);
    }

    /** No model and no results: as at the start. */
    public void reset() {
        clear();
        predictor.set(null);
        snapshot.set(false);
        description.set(NO_MODEL);
    }

    /** Predicts with {@code p} from now on; results of the model before are cleared. */
    public void use(Predictor p, String what) {
        clear();
        predictor.set(p);
        snapshot.set(false);
        description.set(String.format(Locale.ROOT, "Model: %s (%s, %,d classes)", what, p.input(),
                p.classNames().size()));
    }

    /**
     * Opens a model zip in the background (screened first: a hostile file is refused, not run),
     * described by what it is: its network, its run and its test accuracy, then {@code note}
     * where given ("saved when the run ended").
     */
    public void openModel(Path zip, String note) {
        long mine = generation;
        load("Opening " + zip.getFileName() + " ...", () -> {
            LoadedModel loaded = ModelFiles.load(zip);
            return new Opened(new Predictor(loaded), PredictionWork.describe(zip, loaded));
        }, note).onFailure(f -> message(mine, f.message()));
    }

    /**
     * Predicts with the pretrained network {@code entry} as it is, with its own classes (ImageNet's
     * for MobileNet), loaded in the background; where it is not installed, the results say how to
     * install it, with the way to its card.
     */
    public void usePretrained(PretrainedEntry entry, Path dataRoot) {
        long mine = generation;
        load("Loading " + entry.title() + " ...", () -> ModelSources.pretrained(entry, dataRoot), null).onFailure(f -> {
            if (f.error() instanceof NotInstalledException missing) {
                add(mine, new PredictionItem.NotInstalled(f.message(), missing.id()));
            } else {
                message(mine, f.message());
            }
        });
    }

    /** Imports a Keras model into {@code request.out()} in the background, then predicts with it. */
    public void importKeras(KerasRequest request) {
        long mine = generation;
        load("Importing " + request.file().getFileName() + " ...", () -> ModelSources.keras(request), null)
                .onFailure(f -> message(mine, f.error() instanceof KerasImportException ? f.message()
                        : "Could not import " + request.file() + ": " + f.message()));
    }

    /**
     * Opens a model on {@code compute} and predicts with it from then on, unless something newer
     * started meanwhile; {@code what} shows beside the busy bar while it loads.
     */
    private BackgroundTask<Opened> load(String what, Callable<Opened> opening, String note) {
        long mine = generation;
        activity.set(what);
        return track(BackgroundTask.wrap(opening)).onFinished(() -> {
            if (activity.get().equals(what)) {
                activity.set("");
            }
        }).onSuccess(opened -> {
            if (mine == generation) {
                use(opened.predictor(), note == null ? opened.description() : opened.description() + " (" + note + ")");
            }
        }).executeWith(compute);
    }

    /** A project was opened or made: start afresh with its latest run's model, if it has one. */
    public void showLatestRunOf(Project project) {
        reset();
        if (project.folder() == null) {
            return;
        }
        long mine = generation;
        Path runs = project.runsFolder();
        track(BackgroundTask.wrap(() -> PredictionWork.latestModel(runs))).onSuccess(found -> found.ifPresent(run -> {
            if (mine == generation) {
                openModel(run.run().model(), "the project's latest run");
            }
        })).executeWith(io);
    }

    /**
     * Follows {@code run}: its snapshot can be used while it trains, and when it ends the pane
     * switches to the model the run saved (or, where it saved none, drops the snapshot).
     */
    public void follow(TrainAction run) {
        this.training = run;
        trainingRuns.set(run.isRunning());
        run.progressProperty().addListener((obs, old, p) -> trainingRuns.set(p.running()));
        run.sessionProperty().addListener((obs, old, s) -> {
            if (s == null || s.outcome() == null) {
                return;
            }
            if (s.model() != null) {
                openModel(s.model(), "saved when the run ended");
            } else if (snapshot.get()) {
                reset();
                message(generation, "The run ended without saving a model, so its snapshot is no longer used: "
                        + s.outcome());
            }
        });
    }

    /** Predicts from now on with a fresh snapshot of the network in training, then runs {@code then}. */
    public void useTrainingSnapshot(Runnable then) {
        if (training == null || !training.isRunning()) {
            message(generation, "No run is training: press Train, or open a model zip.");
            return;
        }
        long mine = generation;
        track(training.snapshot(compute)).onSuccess(p -> {
            if (mine != generation) {
                return;
            }
            var progress = training.progressProperty().get();
            use(p, training.sessionProperty().get().network() + " in training (snapshot"
                    + (progress.running() && progress.fraction() >= 0
                    ? String.format(Locale.ROOT, " at %.0f%%", progress.fraction() * 100) : "") + ")");
            snapshot.set(true);
            then.run();
        }).onFailure(f -> message(mine, "No snapshot of the network in training: " + f.message()));
    }

    /** Image files and folders, as a drop gives them; which is which is found out in the background. */
    public void open(List<Path> paths) {
        long mine = generation;
        track(BackgroundTask.wrap(() -> {
            List<List<Path>> split = List.of(new ArrayList<>(), new ArrayList<>());
            for (Path p : paths) {
                split.get(Files.isDirectory(p) ? 1 : 0).add(p);
            }
            return split;
        })).onSuccess(split -> {
            if (mine == generation) {
                if (!split.get(0).isEmpty()) {
                    predictFiles(split.get(0));
                }
                split.get(1).forEach(this::predictFolder);
            }
        }).executeWith(io);
    }

    private void predictFiles(List<Path> files) {
        if (predictor.get() == null && training != null && training.isRunning()) {
            useTrainingSnapshot(() -> predictFiles(files));
            return;
        }
        Predictor p = requirePredictor();
        if (p == null) {
            return;
        }
        long mine = generation;
        // one task for all the files; their results reach the FX thread in batches, not one event per image
        track(BackgroundTask.<Void, PredictionItem>wrapPublishing((context, publish) -> {
            PredictionWork.predictEach(p, files, top(p), context::isCancelled, publish);
            return null;
        }, batch -> addAll(mine, batch))).onFailure(f -> message(mine, f.message())).executeWith(compute);
    }

    /** Predicts a pasted image; it is converted (read pixel by pixel) in the background too. */
    public void predictPasted(Image pasted) {
        Predictor p = requirePredictor();
        if (p == null) {
            return;
        }
        long mine = generation;
        track(BackgroundTask.wrap(() -> PredictionWork.shown("pasted image", "the clipboard",
                p.predict(Images.toDecoded(pasted), top(p)))))
                .onSuccess(shown -> add(mine, shown))
                .onFailure(f -> message(mine, "pasted image: " + f.message()))
                .executeWith(compute);
    }

    private void predictFolder(Path folder) {
        Predictor p = requirePredictor();
        if (p == null) {
            return;
        }
        rows.clear();
        folderShown.set(true);
        long mine = generation;
        track(BackgroundTask.wrap(() -> PredictionWork.predictAll(p, folder))).onSuccess(found -> {
            if (mine == generation) {
                rows.setAll(found);
            }
        }).onFailure(f -> message(mine, folder + ": " + f.message())).executeWith(compute);
    }

    /** Every prediction shown: the folder's rows, then the gallery's, newest first. */
    public List<FolderRow> exportRows() {
        List<FolderRow> all = new ArrayList<>(rows);
        for (PredictionItem item : items) {
            if (item instanceof PredictionItem.Shown s) {
                all.add(PredictionWork.row(s.source(), s.top()));
            }
        }
        return all;
    }

    /** Writes {@link #exportRows()} as CSV into {@code file}, in the background. */
    public void exportCsv(Path file) {
        String csv = PredictionCsv.csv(exportRows());
        long mine = generation;
        track(BackgroundTask.wrap(() -> {
            AtomicFiles.writeString(file, csv);
            return file;
        })).onFailure(f -> message(mine, "Could not write " + file + ": " + f.message())).executeWith(io);
    }

    /** Adds a short line to the results. */
    public void say(String text) {
        message(generation, text);
    }

    /** How many classes each prediction shows: 3, or 5 for a model of many classes. */
    static int top(Predictor p) {
        return p.classNames().size() > 10 ? TOP_MANY : TOP;
    }

    /** The model, or null after saying that there is none. */
    private Predictor requirePredictor() {
        Predictor p = predictor.get();
        if (p == null) {
            message(generation, "No model yet: train one, or open a model zip first.");
        }
        return p;
    }

    private void add(long mine, PredictionItem item) {
        addAll(mine, List.of(item));
    }

    /** Adds {@code batch} (oldest first) at the top, newest first, in one change. */
    private void addAll(long mine, List<PredictionItem> batch) {
        if (mine == generation) {
            List<PredictionItem> newestFirst = new ArrayList<>(batch);
            Collections.reverse(newestFirst);
            items.addAll(0, newestFirst);
        }
    }

    private void message(long mine, String text) {
        add(mine, new PredictionItem.Message(text));
    }

    private <V> BackgroundTask<V> track(BackgroundTask<V> task) {
        busy.set(busy.get() + 1);
        return task.onFinished(() -> busy.set(busy.get() - 1));
    }
}
