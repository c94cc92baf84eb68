package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {
    @Test
    void everyTextHasAGermanAndAnEnglishWording() {
        ConsoleText de = ConsoleText.of("de");
        ConsoleText en = ConsoleText.of("en");
        for (String key : ConsoleText.keys()) {
            assertThat(de.t(key)).as(key).isNotBlank().isNotEqualTo(key);
            assertThat(en.t(key)).as(key).isNotBlank().isNotEqualTo(key);
        }
        assertThat(de.t("login.title")).isEqualTo("Anmelden");
        assertThat(en.t("login.title")).isEqualTo("Sign in");
    }

    @Test
    void acceptLanguagePicksTheFirstOfGermanAndEnglishByQualityElseGerman() {
        assertThat(ConsoleText.fromAcceptLanguage("en-US,en;q=0.9,de;q=0.8")).isEqualTo("en");
        assertThat(ConsoleText.fromAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7")).isEqualTo("de");
        assertThat(ConsoleText.fromAcceptLanguage("fr")).isEqualTo("de");
        assertThat(ConsoleText.fromAcceptLanguage(null)).isEqualTo("de");
        assertThat(ConsoleText.fromAcceptLanguage(";;;")).isEqualTo("de");
    }

    @Test
    void bidiControlsBecomeVisibleMarkersAndOtherTextStaysAsItIs() {
        assertThat(Views.inert("abc\u202Etxt.exe\u2066x\u2069")).isEqualTo("abc[U+202E]txt.exe[U+2066]x[U+2069]");
        assertThat(Views.inert("Grüße <b>")).isEqualTo("Grüße <b>");
        assertThat(Views.inert(null)).isEmpty();
    }
}
