package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SparkElsewhereCommandTest {

    @Test
    void sparkWithoutTheSparkModuleSaysWhereItRuns() {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = WorkbenchCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new SparkElsewhereCommand()).execute("spark", "train", "--master", "local[2]", "--epochs", "1");
        assertThat(code).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(err.toString()).contains("Spark support is not part of this installation",
                "'./workbench spark train --master local[2] --epochs 1'", "On a Spark cluster").doesNotContain("\tat ");

        var help = new StringWriter();
        WorkbenchCommand.newCommandLine(new PrintWriter(help, true), new PrintWriter(err, true),
                new SparkElsewhereCommand()).execute("--help");
        assertThat(help.toString()).contains("spark", "Apache Spark cluster");
    }
}
