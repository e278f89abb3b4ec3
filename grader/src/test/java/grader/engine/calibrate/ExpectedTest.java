package grader.engine.calibrate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading expected.json: every field, and an error that names the file and the field for each way to get it wrong. */
class ExpectedTest {
    @TempDir
    Path dir;

    Expected read(String json) throws IOException {
        Files.writeString(dir.resolve("expected.json"), json);
        return Expected.read(dir);
    }

    @Test
    void readsEveryField() throws IOException {
        Expected x = read("""
                {"exercise": "lock", "model": "fixed-pool", "flaws": ["global-lock"], "modelPoints": "none",
                 "functionalPoints": "full", "staticsPoints": "partial", "sentenceContains": ["BLOCKED"],
                 "site": {"file": "WordCounter.java", "line": 12}, "about": "a lock around every update"}
                """);
        assertEquals(new Expected("lock", "fixed-pool", List.of("global-lock"), Expected.Share.NONE, Optional.of(Expected.Share.FULL),
                Optional.of(Expected.Share.PARTIAL), List.of("BLOCKED"), Optional.of(new Expected.SiteExpectation("WordCounter.java", 12))), x);
    }

    @Test
    void aNullModelIsNoObservedModelAndOptionalFieldsMayBeLeftOut() throws IOException {
        Expected x = read("{\"exercise\": \"processes\", \"model\": null, \"flaws\": [\"refused\"], \"modelPoints\": \"none\"}");
        assertAll(
                () -> assertNull(x.model()),
                () -> assertEquals(Optional.empty(), x.functionalPoints()),
                () -> assertEquals(Optional.empty(), x.site()),
                () -> assertEquals(List.of(), x.sentenceContains()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field          | {"exercise": "fetch", "model": "sequential", "flaws": [], "modelPoints": "none", "verdict": "x"} | verdict   | unknown field; known: about, exercise,
            no exercise            | {"model": "sequential", "flaws": [], "modelPoints": "none"}                                     | exercise  | missing
            unknown exercise       | {"exercise": "fetch2", "model": "sequential", "flaws": [], "modelPoints": "none"}               | exercise  | unknown exercise 'fetch2'; known: threads, fetch,
            no model               | {"exercise": "fetch", "flaws": [], "modelPoints": "none"}                                       | model     | missing: the model the code uses, or null
            model not an id        | {"exercise": "fetch", "model": "Fixed Pool", "flaws": [], "modelPoints": "none"}               | model     | 'Fixed Pool' is not a verdict id
            null model, no flaw    | {"exercise": "fetch", "model": null, "flaws": [], "modelPoints": "none"}                        | model     | null with no flaw
            flaws not an array     | {"exercise": "fetch", "model": "fixed-pool", "flaws": "leaked-threads", "modelPoints": "none"}  | flaws     | missing or not an array
            a flaw not a string    | {"exercise": "fetch", "model": "fixed-pool", "flaws": [3], "modelPoints": "none"}               | flaws     | holds 3, not a flaw id
            no modelPoints         | {"exercise": "fetch", "model": "fixed-pool", "flaws": []}                                       | modelPoints | missing: one of full, partial, none
            modelPoints a number   | {"exercise": "fetch", "model": "fixed-pool", "flaws": [], "modelPoints": 9}                     | modelPoints | 9 is not one of full, partial, none
            bad functionalPoints   | {"exercise": "fetch", "model": "fixed-pool", "flaws": [], "modelPoints": "full", "functionalPoints": "all"} | functionalPoints | "all" is not one of
            site without file      | {"exercise": "fetch", "model": "fixed-pool", "flaws": [], "modelPoints": "full", "site": {"line": 3}}     | site  | must be {"file": "<Class>.java"}
            site line zero         | {"exercise": "fetch", "model": "fixed-pool", "flaws": [], "modelPoints": "full", "site": {"file": "A.java", "line": 0}} | site | with an optional "line" of 1 or more
            empty sentence word    | {"exercise": "fetch", "model": "fixed-pool", "flaws": [], "modelPoints": "full", "sentenceContains": [""]} | sentenceContains | not a non-empty string
            """)
    void aWrongFieldIsNamedWithItsFile(String what, String json, String field, String message) {
        FixtureException e = assertThrows(FixtureException.class, () -> read(json));
        assertAll(
                () -> assertEquals(field, e.field()),
                () -> assertEquals(dir.resolve("expected.json"), e.file()),
                () -> assertTrue(e.getMessage().startsWith(dir.resolve("expected.json") + ": field \"" + field + "\": "), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(message), e.getMessage()));
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithTheLine() {
        FixtureException e = assertThrows(FixtureException.class, () -> read("{\n  \"exercise\": \"fetch\",\n  \"model\" \"x\"\n}"));
        assertAll(
                () -> assertNull(e.field()),
                () -> assertTrue(e.getMessage().startsWith(dir.resolve("expected.json") + ": not JSON: "), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("at line 3"), e.getMessage()));
    }

    @Test
    void aMissingFileIsNamed() {
        FixtureException e = assertThrows(FixtureException.class, () -> Expected.read(dir));
        assertEquals(dir.resolve("expected.json") + ": missing: every labelled submission has one", e.getMessage());
    }

    @Test
    void everyFixtureInTheRepositoryReads() {
        assertTrue(Calibration.find(LayInTest.SUBMISSIONS).size() >= 55, "the right and wrong fixtures are labelled");
    }
}
