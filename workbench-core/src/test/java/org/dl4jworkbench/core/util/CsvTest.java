package org.dl4jworkbench.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV cells: RFC 4180 quoting, formulas made plain text, numbers untouched, and a round trip. */
class CsvTest {

    @Test
    void plainTextAndNumbersAreWrittenAsTheyAre() {
        assertThat(Csv.row("cat.0001.jpg", "dogs", "0.912345", "-0.5", "+3", "1e-05", "", null))
                .isEqualTo("cat.0001.jpg,dogs,0.912345,-0.5,+3,1e-05,,\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"cheese\"")).isEqualTo("\"say \"\"cheese\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaBecomeText() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(Csv.cell("+cmd|' /C calc'!A0")).isEqualTo("\"'+cmd|' /C calc'!A0\"");
        assertThat(Csv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.cell("\tTAB")).isEqualTo("\"'\tTAB\"");
        assertThat(Csv.cell("-")).isEqualTo("\"'-\"");
    }

    @Test
    void whatIsWrittenReadsBack() {
        List<String> cells = List.of("a,b", "say \"cheese\"", "two\nlines", "=1+1", "-0.25", "", "plain");
        String text = Csv.row("image", "class") + Csv.row(cells);
        assertThat(Csv.parse(text)).containsExactly(List.of("image", "class"),
                List.of("a,b", "say \"cheese\"", "two\nlines", "'=1+1", "-0.25", "", "plain"));
    }

    @Test
    void numbersAreRoundedAsTheRunLogsWriteThemAndMissingOnesAreEmpty() {
        assertThat(Csv.number(0.123456789)).isEqualTo("0.123457");
        assertThat(Csv.number(Double.NaN)).isEmpty();
        assertThat(Csv.number(Double.POSITIVE_INFINITY)).isEmpty();
    }
}
