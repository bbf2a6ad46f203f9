package org.dl4jworkbench.app.ui;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dl4jworkbench.app.project.RecentProjects;
import org.dl4jworkbench.app.ui.task.BackgroundTask;

/** The recent projects as the File menu shows them, read and written on the io executor. */
final class RecentList {

    private final RecentProjects store;
    private final Executor io;
    private final ObservableList<Path> folders = FXCollections.observableArrayList();

    RecentList(RecentProjects store, Executor io) {
        this.store = store;
        this.io = io;
        BackgroundTask.wrap(store::list).onSuccess(folders::setAll).executeWith(io);
    }

    /** Newest first. */
    ObservableList<Path> folders() {
        return folders;
    }

    /** Puts {@code folder} first (in the background); a failure only leaves the list as it was. */
    void remember(Path folder) {
        BackgroundTask.wrap(() -> store.add(folder)).onSuccess(folders::setAll).executeWith(io);
    }
}
