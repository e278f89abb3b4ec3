package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Escaping and the formatting of times. */
class HtmlTextTest {
    @Test
    void markupCharactersBecomeReferencesAndControlCharactersAMark() {
        assertAll(
                () -> assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", HtmlText.esc("<a href=\"x\" title='y'>&</a>")),
                () -> assertEquals("\ufffd[31mred\ufffd", HtmlText.esc("\u001b[31mred\u0000")),
                () -> assertEquals("line\n\ttab", HtmlText.esc("line\n\ttab")),
                () -> assertEquals("", HtmlText.esc(null)));
    }

    @Test
    void classTokensHoldOnlyLettersDigitsAndDashes() {
        assertAll(
                () -> assertEquals("pool-worker", HtmlText.token("pool-worker")),
                () -> assertEquals("a--b-c", HtmlText.token("a\" b<c")),
                () -> assertEquals("none", HtmlText.token(null)));
    }

    @Test
    void timesUseTheLargestReadableUnit() {
        assertAll(
                () -> assertEquals("850 \u00b5s", HtmlText.micros(850)),
                () -> assertEquals("2.41 ms", HtmlText.micros(2_412)),
                () -> assertEquals("5.01 s", HtmlText.micros(5_014_576)),
                () -> assertEquals("5.0204 s", HtmlText.exactMicros(5_020_400)),
                () -> assertEquals("500 ms", HtmlText.exactMicros(500_000)));
    }
}
