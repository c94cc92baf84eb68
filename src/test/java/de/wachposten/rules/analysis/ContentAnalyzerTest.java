package de.wachposten.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.rules.AnalysisDump;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ContentAnalyzerTest {
    private static final ContentAnalyzer A = new ContentAnalyzer();

    @AfterAll
    static void close() {
        A.close();
    }

    private static List<String> tokens(String s) throws IOException {
        return AnalysisDump.tokens(A, s);
    }

    @Test
    void umlautsAndTheirTranscriptionsMeet() throws IOException {
        assertThat(tokens("Ärger Straße")).isEqualTo(tokens("Aerger Strasse"));
    }

    @Test
    void caseAndFullWidthLettersFold() throws IOException {
        assertThat(tokens("ＩＤＩＯＴ")).isEqualTo(tokens("idiot"));
    }

    @Test
    void leetspeakInsideWordsIsFoldedButNumbersStayNumbers() throws IOException {
        assertThat(tokens("H4ss N4z1 $chwein")).isEqualTo(tokens("Hass Nazi Schwein"));
        assertThat(tokens("88 2016 G20")).containsExactly("88", "2016", "g20");
    }

    @Test
    void lettersSpelledOutWithSeparatorsAreJoined() throws IOException {
        assertThat(tokens("N.a.z.i")).isEqualTo(tokens("Nazi"));
        assertThat(tokens("N-a-z-i")).isEqualTo(tokens("Nazi"));
        assertThat(tokens("Sch*ei_ße")).isEqualTo(tokens("Scheiße"));
    }

    @Test
    void stretchedLettersMeetTheirWord() throws IOException {
        assertThat(tokens("Scheiiiiße")).containsAll(tokens("Scheiße"));
        assertThat(tokens("Hasssss")).containsAll(tokens("Hass"));
    }

    @Test
    void genderFormsKeepTheirWord() throws IOException {
        List<String> base = tokens("Mitarbeiter");
        assertThat(tokens("Mitarbeiter*innen")).isEqualTo(base);
        assertThat(tokens("Mitarbeiter:innen")).isEqualTo(base);
        assertThat(tokens("MitarbeiterInnen")).isEqualTo(base);
    }

    @Test
    void hashtagsAndCamelCaseAreSplit() throws IOException {
        assertThat(tokens("#VolksverräterRaus")).containsSequence(tokens("Volksverräter raus"));
    }

    @Test
    void aSlurInsideACompoundIsFound() throws IOException {
        assertThat(tokens("Asylantenungeziefer")).containsAll(tokens("Ungeziefer"));
        assertThat(tokens("Marsch Waffe Gepäck")).doesNotContain("arsch", "affe", "pack");
    }

    @Test
    void emojiStayTokens() throws IOException {
        assertThat(tokens("Guten Morgen 🤮🔥")).contains("🤮", "🔥");
    }

    @Test
    void handlesAndUrlsAreNotContent() throws IOException {
        assertThat(tokens("@Vollidiot schau https://idiot.example/x")).containsExactly("schau");
    }

    @Test
    void hugeJunkAndEmojiOnlyPostsAnalyseWithoutError() throws IOException {
        assertThat(tokens("Wort ".repeat(20_000))).hasSize(20_000);
        char[] junk = new char[50_000];
        Random rnd = new Random(42);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (char) rnd.nextInt(0x10000);
        }
        assertThat(tokens(new String(junk))).isNotNull();
        assertThat(tokens("😀😀😀👍🏽🇩🇪")).isNotEmpty();
        assertThat(tokens("")).isEmpty();
    }
}
