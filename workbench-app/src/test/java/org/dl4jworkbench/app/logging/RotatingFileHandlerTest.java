package org.dl4jworkbench.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileHandlerTest {

    @Test
    void aFullLogMovesAsideAndTheOldestGoes(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("logs/workbench.log");
        var handler = new RotatingFileHandler(log, 1_000, 2);
        for (int i = 0; i < 40; i++) {
            handler.publish(new LogRecord(Level.INFO, "record " + i + " " + "x".repeat(80)));
        }
        handler.close();
        assertThat(Files.readString(log)).contains("record 39").doesNotContain("record 30 ");
        assertThat(Files.size(log)).isLessThanOrEqualTo(1_000);
        assertThat(Files.readString(dir.resolve("logs/workbench.1.log"))).contains("record 29");
        assertThat(dir.resolve("logs/workbench.2.log")).exists();
        assertThat(dir.resolve("logs/workbench.3.log")).doesNotExist();
        assertThat(Files.readString(dir.resolve("logs/workbench.2.log"))).doesNotContain("record 0 ");
    }

    @Test
    void aTraceIsWrittenInFull(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("workbench.log");
        var handler = new RotatingFileHandler(log, 100_000, 2);
        var record = new LogRecord(Level.WARNING, "failed");
        record.setThrown(new IllegalStateException("why", new java.io.IOException("root cause")));
        handler.publish(record);
        handler.close();
        assertThat(Files.readString(log)).contains("WARNING", "failed", "java.lang.IllegalStateException: why",
                "\tat " + getClass().getName(), "Caused by: java.io.IOException: root cause");
    }
}
