package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench predict} with a model trained here and digits written as PNG files. */
class PredictCommandTest {

    @TempDir
    static Path shared;
    static MnistModelFixture.TrainedModel trained;
    static List<Path> digits = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAModelAndWriteDigits() throws Exception {
        trained = MnistModelFixture.trainMlp(shared);
        for (int i = 0; i < 5; i++) {
            digits.add(MnistModelFixture.writeDigit(trained.test(), i,
                    shared.resolve("digit-" + i + "-is-" + trained.test().label(i) + ".png")));
        }
    }

    @Test
    void printsTheTopThreeClassesOfEachImage() {
        Run r = CommandLineTest.run(args("predict", "--model", trained.file().toString(), digits));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(digits.size());
        int right = 0;
        for (int i = 0; i < digits.size(); i++) {
            // e.g. ".../digit-0-is-7.png: 7 99.1%, 1 0.5%, 9 0.2%"
            assertThat(lines.get(i)).startsWith(digits.get(i) + ": ")
                    .matches(".*: \\d \\d+\\.\\d%, \\d \\d+\\.\\d%, \\d \\d+\\.\\d%");
            if (lines.get(i).startsWith(digits.get(i) + ": " + trained.test().label(i) + " ")) {
                right++;
            }
        }
        assertThat(right).isGreaterThanOrEqualTo(4);
        assertThat(r.err()).doesNotContain("error");
    }

    @Test
    void aDamagedImageGetsAnErrorLineAndTheOthersStillPrint() throws Exception {
        byte[] jpeg = ImageFixtures.encode(ImageFixtures.asymmetric(200, 200), "jpg");
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Path missing = dir.resolve("missing.png");
        Run r = CommandLineTest.run("predict", "--model", trained.file().toString(), "--top", "1",
                digits.get(0).toString(), cut.toString(), missing.toString(), digits.get(1).toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out()).contains(digits.get(0) + ": ", digits.get(1) + ": ");
        assertThat(r.err()).contains("error: " + cut + ": truncated JPEG", "error: " + missing + ": no such file");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void jsonGivesOneObjectWithResultsAndErrors() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        Run r = CommandLineTest.run("predict", "--model", trained.file().toString(), "--json", "--top", "2",
                digits.get(0).toString(), text.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(r.out());
        JsonNode results = json.get("results");
        assertThat(results).hasSize(2);
        JsonNode good = results.get(0);
        assertThat(good.get("image").asText()).isEqualTo(digits.get(0).toString());
        assertThat(good.get("top")).hasSize(2);
        assertThat(good.get("top").get(0).get("class").asText()).isEqualTo(String.valueOf(trained.test().label(0)));
        assertThat(good.get("top").get(0).get("probability").asDouble())
                .isGreaterThan(good.get("top").get(1).get("probability").asDouble());
        assertThat(results.get(1).get("error").asText()).startsWith("not an image");
        assertThat(results.get(1).has("top")).isFalse();
    }

    @Test
    void aRefusedModelIsAnErrorWithExitCodeTwo() throws Exception {
        Path fake = Files.writeString(dir.resolve("model.zip"), "not really a model");
        Run r = CommandLineTest.run("predict", "--model", fake.toString(), digits.get(0).toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: not a model file: " + fake + " is not a zip archive");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void noImageIsABadInputThatSaysWhatToGive() {
        Run r = CommandLineTest.run("predict", "--model", trained.file().toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: no image given");
    }

    @Test
    void predictHasHelp() {
        Run r = CommandLineTest.run("predict", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: workbench predict").contains("--model", "--top", "--json")
                .doesNotContain("--bench"); // 'workbench bench predict' measures
    }

    private static String[] args(String command, String option, String value, List<Path> files) {
        List<String> all = new ArrayList<>(List.of(command, option, value));
        files.forEach(f -> all.add(f.toString()));
        return all.toArray(String[]::new);
    }
}
