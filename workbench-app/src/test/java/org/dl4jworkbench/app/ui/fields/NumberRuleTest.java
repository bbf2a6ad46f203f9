package org.dl4jworkbench.app.ui.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What numeric fields accept and what they say about the rest; no JavaFX. */
class NumberRuleTest {

    private static final NumberRule EPOCHS = NumberRule.whole("Epochs", 1, 1000);
    private static final NumberRule RATE = NumberRule.decimal("Learning rate", 0, 10).aboveMin();

    private static double value(NumberRule rule, String text) {
        NumberRule.Parsed p = rule.parse(text);
        assertThat(p.problem()).as(text).isNull();
        return p.value();
    }

    private static String problem(NumberRule rule, String text) {
        NumberRule.Parsed p = rule.parse(text);
        assertThat(p.valid()).as(text).isFalse();
        return p.problem();
    }

    @Test
    void wholeNumbersAcceptDigitsGroupedThousandsAndIntegralDecimals() {
        assertThat(value(EPOCHS, "12")).isEqualTo(12);
        assertThat(value(EPOCHS, " 7 ")).isEqualTo(7);
        assertThat(value(EPOCHS, "1,000")).isEqualTo(1000);
        assertThat(value(EPOCHS, "+3")).isEqualTo(3);
        assertThat(value(EPOCHS, "3.0")).isEqualTo(3);
        assertThat(value(EPOCHS, "1e3")).isEqualTo(1000);
    }

    @Test
    void textThatIsNoNumberOrOutOfRangeIsRefusedWithTheFieldItsRangeAndWhatWasFound() {
        assertThat(problem(EPOCHS, "lots")).isEqualTo("Epochs: expected a whole number from 1 to 1,000, found \"lots\"");
        assertThat(problem(EPOCHS, "0")).isEqualTo("Epochs: expected a whole number from 1 to 1,000, found \"0\"");
        assertThat(problem(EPOCHS, "99999999999")).endsWith("found \"99999999999\"");
        assertThat(problem(EPOCHS, "2.5")).endsWith("found \"2.5\"");
        assertThat(problem(EPOCHS, "")).isEqualTo("Epochs: expected a whole number from 1 to 1,000, found nothing");
        assertThat(problem(EPOCHS, "1,00")).endsWith("found \"1,00\"");
        assertThat(problem(EPOCHS, "0x10")).endsWith("found \"0x10\"");
        assertThat(problem(EPOCHS, "1e99999999999")).endsWith("found \"1e99999999999\"");
        assertThat(problem(RATE, "abc")).isEqualTo("Learning rate: expected a number above 0 and at most 10, "
                + "found \"abc\"");
        assertThat(problem(RATE, "0")).endsWith("found \"0\"");
        assertThat(problem(RATE, "NaN")).endsWith("found \"NaN\"");
        assertThat(problem(RATE, "Infinity")).endsWith("found \"Infinity\"");
        assertThat(problem(RATE, "1d")).endsWith("found \"1d\"");
    }

    @Test
    void decimalsTakeAPointInEveryLocaleAndACommaGetsAHint() {
        assertThat(value(RATE, "0.001")).isEqualTo(0.001);
        assertThat(value(RATE, "1e-3")).isEqualTo(0.001);
        assertThat(value(RATE, ".5")).isEqualTo(0.5);
        assertThat(value(RATE, "10")).isEqualTo(10);
        assertThat(problem(RATE, "0,001")).isEqualTo("Learning rate: expected a number above 0 and at most 10, "
                + "found \"0,001\" (decimals take a point: 0.001)");
        assertThat(problem(RATE, "1,000")).endsWith("found \"1,000\" (decimals take a point: 1.000)");
    }

    @Test
    void everyKindOfRangeReadsAsASentence() {
        assertThat(EPOCHS.accepts()).isEqualTo("a whole number from 1 to 1,000");
        assertThat(NumberRule.decimal("Rate", 0, 1).belowMax().accepts()).isEqualTo("a number of at least 0 and below 1");
        assertThat(NumberRule.decimal("Rate", 0, 1).aboveMin().belowMax().accepts()).isEqualTo("a number above 0 and "
                + "below 1");
        assertThat(NumberRule.decimal("Rate", 0, Double.POSITIVE_INFINITY).aboveMin().accepts())
                .isEqualTo("a number above 0");
        assertThat(NumberRule.decimal("Size", 0, Double.POSITIVE_INFINITY).accepts()).isEqualTo("a number of at least 0");
        assertThat(NumberRule.whole("Seed", 0, Integer.MAX_VALUE).accepts())
                .isEqualTo("a whole number from 0 to 2,147,483,647");
        assertThat(NumberRule.decimal("Rotation", 0, 180).unit("°").accepts()).isEqualTo("a number from 0° to 180°");
    }

    @Test
    void sharesReadAndShowAsPercentagesAndUnitsMayBeTypedOrLeftOut() {
        NumberRule share = NumberRule.decimal("Validation share", 0, 0.5).percent();
        assertThat(share.accepts()).isEqualTo("a number from 0 % to 50 %");
        assertThat(value(share, "20 %")).isEqualTo(0.2);
        assertThat(value(share, "20%")).isEqualTo(0.2);
        assertThat(value(share, "12.5")).isEqualTo(0.125);
        assertThat(problem(share, "60 %")).isEqualTo("Validation share: expected a number from 0 % to 50 %, "
                + "found \"60 %\"");
        assertThat(share.format(0.1)).isEqualTo("10 %");
        assertThat(share.format(0.15)).isEqualTo("15 %");
        NumberRule degrees = NumberRule.decimal("Rotation", 0, 180).unit("°");
        assertThat(value(degrees, "30°")).isEqualTo(30);
        assertThat(value(degrees, "30")).isEqualTo(30);
        assertThat(degrees.format(7.5)).isEqualTo("7.5°");
    }

    @Test
    void valuesFormatPlainlySoTheyReadBackUnchanged() {
        for (double v : new double[] {0.001, 0.0005, 1e-7, 2, 123, 0.95}) {
            NumberRule any = NumberRule.decimal("x", 0, 1000);
            assertThat(any.parse(any.format(v)).value()).isEqualTo(v);
        }
        assertThat(RATE.format(0.0005)).isEqualTo("0.0005");
        assertThat(EPOCHS.format(10)).isEqualTo("10");
        assertThat(EPOCHS.accepts(10)).isTrue();
        assertThat(EPOCHS.accepts(0)).isFalse();
        assertThat(EPOCHS.accepts(2.5)).isFalse();
    }
}
