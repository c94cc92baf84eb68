package de.wachposten.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTest {
    @Test
    void parsesEveryUnit() {
        assertThat(ConfigLoader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigLoader.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigLoader.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigLoader.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigLoader.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigLoader.parseDuration("0s")).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5x", "1.5h", "-1s", "30 s", "s", "1h30m", "5M"})
    void rejectsAnythingButANumberAndOneUnit(String text) {
        assertThatThrownBy(() -> ConfigLoader.parseDuration(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad duration '" + text + "' (expected a whole number followed by ms, s, m, h or d, "
                        + "e.g. 60s)");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ConfigLoader.parseDuration(null)).hasMessage(
                "bad duration 'null' (expected a whole number followed by ms, s, m, h or d, e.g. 60s)");
    }

    @Test
    void rejectsADurationTooLongToRepresent() {
        assertThatThrownBy(() -> ConfigLoader.parseDuration("99999999999999999999d"))
                .hasMessage("bad duration '99999999999999999999d' (too long)");
    }
}
