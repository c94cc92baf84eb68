package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCheckConfigTest {
    @TempDir
    Path dir;

    private Path config() {
        return write(dir, """
                offices:
                  - id: presse
                policies:
                  tools:
                    clients: ["Hootsuite"]
                channels:
                  - id: sms-twitter
                    platform: twitter
                    account: SMS_Sachsen
                    office: presse
                    policy: tools
                  - id: sms-mastodon
                    platform: mastodon
                    account: sms@social.example
                    office: presse
                    policy: tools
                  - id: sms-bluesky
                    platform: bluesky
                    account: sms.example.de
                    office: presse
                """);
    }

    @Test
    void aClientListOnAPlatformThatHidesTheClientIsAWarningNamingFileLineAndPlatform() throws Exception {
        Path f = config();
        ConfigLoader.Result r = ConfigLoader.read(f, Map.of());

        assertThat(r.warnings()).extracting(ConfigError::toString).containsExactly(f + ":11: warning: channel "
                + "'sms-twitter' lists allowed clients, but twitter does not expose the posting client;"
                + " unexpected_client cannot be checked there");
        assertThat(r.config().channels()).hasSize(3);
    }

    @Test
    void theCheckIsOnWhereTheClientIsExposedNotExposedWhereAskedInVainAndOffOtherwise() throws Exception {
        Config c = ConfigLoader.read(config(), Map.of()).config();

        assertThat(ClientCheck.of(c.channel("sms-mastodon").orElseThrow())).isEqualTo(ClientCheck.ON);
        assertThat(ClientCheck.of(c.channel("sms-twitter").orElseThrow()).wire()).isEqualTo("not exposed");
        assertThat(ClientCheck.of(c.channel("sms-bluesky").orElseThrow())).isEqualTo(ClientCheck.OFF);
    }
}
