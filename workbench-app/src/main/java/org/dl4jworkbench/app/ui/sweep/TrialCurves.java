package org.dl4jworkbench.app.ui.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.dl4jworkbench.app.charts.Chart;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.app.charts.LiveChart;
import org.dl4jworkbench.app.ui.task.BackgroundTask;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.sweep.SweepState;
import org.dl4jworkbench.core.sweep.TrialState;

/**
 * The trials' curves overlaid, as {@code ./workbench runs compare} draws them: validation
 * accuracy per epoch and smoothed training loss of every trial that has trained. Read from
 * the trials' run folders off the FX thread, again whenever a trial has trained more epochs.
 */
final class TrialCurves {

    public static final String ID = "sweep-curves";

    private final Canvas canvas = new Canvas(640, 260);
    private final Pane node = new Pane(canvas);
    private final Executor io;
    private final boolean dark;
    private List<String> read = List.of();
    private long asked;
    private Chart chart;

    TrialCurves(Executor io, boolean dark) {
        this.io = io;
        this.dark = dark;
        canvas.setId(ID);
        canvas.widthProperty().bind(node.widthProperty());
        canvas.heightProperty().bind(node.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> draw());
        canvas.heightProperty().addListener((o, a, b) -> draw());
    }

    Pane node() {
        return node;
    }

    /** On the FX thread: reads the curves again where a trial has trained since the last read. */
    void update(Path sweepDir, SweepState state) {
        List<String> trained = new ArrayList<>();
        List<Path> runs = new ArrayList<>();
        for (TrialState t : state.trials()) {
            if (t.epochs() > 0) {
                trained.add(t.id() + ":" + t.epochs());
                runs.add(sweepDir.resolve(t.id()));
            }
        }
        if (runs.isEmpty() || trained.equals(read)) {
            return;
        }
        read = trained;
        long ticket = ++asked;
        BackgroundTask.wrap(() -> {
            List<RunFolder> folders = new ArrayList<>();
            for (Path run : runs) {
                folders.add(RunFolder.open(run));
            }
            return CurvesChart.compare(folders);
        }).onSuccess(c -> {
            if (ticket == asked) { // a later read may have finished first
                chart = c;
                draw();
            }
        }).onFailure(f -> read = List.of()) // a run folder being written: read again next time
                .executeWith(io);
    }

    private void draw() {
        if (chart != null && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            LiveChart.draw(canvas.getGraphicsContext2D(), LiveChart.resized(chart, canvas.getWidth(),
                    canvas.getHeight()), dark);
        }
    }
}
