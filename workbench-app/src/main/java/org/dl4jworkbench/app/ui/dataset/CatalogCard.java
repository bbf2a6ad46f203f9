package org.dl4jworkbench.app.ui.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.app.ui.task.Failure;
import org.dl4jworkbench.core.data.catalog.ByteSize;
import org.dl4jworkbench.core.data.catalog.DownloadException;
import org.dl4jworkbench.core.data.catalog.DownloadProgress;
import org.dl4jworkbench.core.data.catalog.Downloadable;
import org.dl4jworkbench.core.data.catalog.Downloader;
import org.dl4jworkbench.core.data.catalog.LocalCopy;

/**
 * A catalogue entry's card in the sources: what of it is on disk, its button (Open, Download,
 * Resume download), and while it downloads (on the data executor) its progress, a few times
 * a second, with Cancel; after a failure, the message, which says where to put the files by
 * hand. A pretrained network's card has nothing to open here: installed is as far as it goes.
 */
final class CatalogCard {

    static final String CANCELLED = "Download cancelled. What was fetched is kept: the next download "
            + "resumes it.";

    private final Downloadable entry;
    private final Path dataRoot;
    private final Executor background;
    private final Consumer<String> open;
    private final Runnable refresh;
    private final VBox box = new VBox(4);
    private final Label state = new Label("Checking ...");
    private final Button action = new Button("Download");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final TextArea error = new TextArea();
    private final Label errorTitle = new Label("Download failed");
    private LocalCopy copy;
    private BackgroundTask<Path> download;

    /**
     * @param open    opens the entry's dataset (by its name) once it is here; null for a network
     * @param refresh reads again what of every entry is on disk
     */
    CatalogCard(Downloadable entry, String titleText, String descriptionText, Path dataRoot, Executor background,
                Consumer<String> open, Runnable refresh) {
        this.entry = entry;
        this.dataRoot = dataRoot;
        this.background = background;
        this.open = open;
        this.refresh = refresh;
        var title = new Label(titleText);
        title.getStyleClass().add("source-title");
        var description = new Label(descriptionText);
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        String key = idOf(entry);
        state.setId("catalog-state-" + key);
        state.getStyleClass().add("hint");
        state.setWrapText(true);
        action.setId("catalog-" + key);
        action.setDisable(true);
        action.setOnAction(e -> act());
        progress.setId("catalog-progress-" + key);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        cancel.setId("catalog-cancel-" + key);
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> {
            if (download != null) {
                download.cancel();
            }
        });
        progressText.getStyleClass().add("hint");
        progressText.setWrapText(true);
        error.setId("catalog-error-" + key);
        error.setEditable(false);
        error.setWrapText(true);
        error.setPrefRowCount(10);
        error.getStyleClass().add("download-error");
        errorTitle.getStyleClass().add("download-error-title");
        box.getStyleClass().add("source-card");
        box.getChildren().setAll(title, description, state, action);
    }

    /** The name as a CSS id can hold it: "mobilenet-v1-0.75" is "mobilenet-v1-0-75" ('.' starts a class). */
    static String idOf(Downloadable entry) {
        return entry.name().replaceAll("[^A-Za-z0-9-]", "-");
    }

    Node node() {
        return box;
    }

    /** No server is known for its files: "downloading" it says where to put them by hand. */
    private boolean byHandOnly() {
        return entry.files().stream().allMatch(f -> f.urls().isEmpty());
    }

    boolean downloading() {
        return download != null;
    }

    /** Shows what of the entry is on disk now. */
    void show(LocalCopy now) {
        copy = now;
        state.setText(now.describe());
        action.setDisable(open == null && now.state() == LocalCopy.State.VERIFIED);
        action.setText(switch (now.state()) {
            case VERIFIED -> open != null ? "Open" : "Installed";
            case UNCHECKED -> open != null ? "Open" : "Check file";
            case PARTIAL -> "Resume download";
            case MISSING -> byHandOnly() ? "How to install" : "Download (" + ByteSize.format(entry.downloadSize()) + ")";
        });
    }

    /** Opens the dataset where it is here, else downloads it (a network's file put here by hand: checks it). */
    void act() {
        if (open != null && copy != null && (copy.state() == LocalCopy.State.VERIFIED || copy.state() == LocalCopy.State.UNCHECKED)) {
            open.accept(entry.name());
        } else {
            startDownload();
        }
    }

    private void startDownload() {
        action.setDisable(true);
        progress.setProgress(0);
        progressText.setText("");
        var bar = new HBox(6, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().removeAll(errorTitle, error);
        box.getChildren().addAll(bar, progressText);
        download = BackgroundTask.wrapWithContext(context -> {
            DownloadProgress reports = new DownloadProgress() {
                @Override
                public void update(String file, long done, long total) { // the phase is the line shown
                    context.progress(file + ": " + ByteSize.format(done) + (total > 0 ? " of "
                            + ByteSize.format(total) : ""), done, Math.max(total, 0));
                }

                @Override
                public void step(String message) {
                    context.progress(message, 0, 0);
                }
            };
            return new Downloader(dataRoot, reports, context::isCancelled).download(entry);
        }).onProgress(p -> {
            progress.setProgress(p.fraction());
            progressText.setText(p.phase());
        }).onSuccess(folder -> {
            finished(bar, null);
            if (open != null) {
                open.accept(entry.name());
            }
        }).onCancelled(() -> finished(bar, CANCELLED))
                .onFailure(f -> finished(bar, message(f)))
                .executeWith(background);
    }

    private String message(Failure f) {
        Throwable t = f.error();
        return t instanceof DownloadException ? t.getMessage() : t instanceof IOException ? "Could not save "
                + entry.name() + " in " + entry.folder(dataRoot) + ": " + f.message() : "Download failed: " + f.message();
    }

    private void finished(Node bar, String message) {
        box.getChildren().removeAll(bar, progressText);
        download = null;
        if (message != null) {
            errorTitle.setText(message.equals(CANCELLED) ? "Cancelled" : byHandOnly() ? "Install by hand"
                    : "Download failed");
            error.setText(message);
            box.getChildren().addAll(errorTitle, error);
        }
        refresh.run();
    }
}
