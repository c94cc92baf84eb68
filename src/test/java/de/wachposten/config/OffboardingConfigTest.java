package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code offboarding} block. */
class OffboardingConfigTest {
    @TempDir
    Path dir;

    @Test
    void givesCredentialsTwentyFourHoursByDefault() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "offices:\n  - id: presse\n"), Map.of());
        assertThat(c.offboarding()).isEqualTo(Config.Offboarding.DEFAULT);
        assertThat(c.offboarding().rotateWithin()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsTheRotationDeadline() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "offboarding:\n  rotate_within: 4h\n"), Map.of());
        assertThat(c.offboarding().rotateWithin()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void namesABadOrTooShortDeadlineAndAnUnknownKey() {
        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors(dir, "offboarding:\n  rotate_within: soon\n")).containsExactly(f + ":2: bad rotate_within "
                + "'soon' in offboarding (expected a whole number followed by ms, s, m, h or d, e.g. 60s)");
        assertThat(errors(dir, "offboarding:\n  rotate_within: 30s\n")).containsExactly(
                f + ":2: 'rotate_within' in offboarding must be at least 1m, not '30s'");
        assertThat(errors(dir, "offboarding:\n  rotate: 1d\n")).singleElement().asString()
                .startsWith(f + ":2: unknown key 'rotate' in offboarding");
    }
}
