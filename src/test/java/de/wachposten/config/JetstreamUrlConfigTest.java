package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code jetstream_url} of a Bluesky channel: push through Jetstream. */
class JetstreamUrlConfigTest {
    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    /** Office {@code presse} on line 1; the channel on line 3 with {@code extra} from line 7. */
    private static String channel(String platform, String extra) {
        return """
                offices: [{id: presse}]
                channels:
                  - id: sms-social
                    platform: %s
                    account: sms.example
                    office: presse
                """.formatted(platform) + extra.indent(4);
    }

    private ChannelConfig load(String yaml) throws ConfigException {
        return ConfigLoader.read(ConfigFiles.write(dir, yaml), Map.of("JETSTREAM", "wss://js.example")).config()
                .channels().getFirst();
    }

    @Test
    void aBlueskyChannelTakesAWssJetstreamUrl() throws Exception {
        ChannelConfig c = load(channel("bluesky", "jetstream_url: wss://jetstream2.us-east.bsky.network"));

        assertThat(c.jetstreamUrl()).isEqualTo(URI.create("wss://jetstream2.us-east.bsky.network"));
    }

    @Test
    void theJetstreamUrlMayComeFromTheEnvironmentAndMayBePlainWs() throws Exception {
        assertThat(load(channel("bluesky", "jetstream_url: ${JETSTREAM}")).jetstreamUrl())
                .isEqualTo(URI.create("wss://js.example"));
        assertThat(load(channel("bluesky", "jetstream_url: ws://127.0.0.1:6008")).jetstreamUrl())
                .isEqualTo(URI.create("ws://127.0.0.1:6008"));
    }

    @Test
    void withoutTheKeyABlueskyChannelIsPolledOnly() throws Exception {
        assertThat(load(channel("bluesky", "")).jetstreamUrl()).isNull();
    }

    @Test
    void reportsAJetstreamUrlOnAnotherPlatform() {
        assertThat(errors(dir, channel("mastodon", "base_url: https://social.example\n"
                + "jetstream_url: wss://jetstream2.us-east.bsky.network")))
                .containsExactly(f + ":8: 'jetstream_url' in channel 'sms-social' is only for platform bluesky, "
                        + "not mastodon");
    }

    @Test
    void reportsAJetstreamUrlThatIsNotAWebSocketUrl() {
        assertThat(errors(dir, channel("bluesky", "jetstream_url: https://jetstream2.us-east.bsky.network")))
                .containsExactly(f + ":7: 'jetstream_url' in channel 'sms-social' must be an absolute ws or wss URL, "
                        + "not 'https://jetstream2.us-east.bsky.network'");
        assertThat(errors(dir, channel("bluesky", "jetstream_url: jetstream2.us-east.bsky.network")))
                .containsExactly(f + ":7: 'jetstream_url' in channel 'sms-social' must be an absolute ws or wss URL, "
                        + "not 'jetstream2.us-east.bsky.network'");
    }
}
