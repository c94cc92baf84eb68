package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Policy;
import de.wachposten.store.ChannelState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code client_check} in the channel description of {@code GET /api/v1/channels}. */
class ClientCheckJsonTest {

    private static ChannelConfig channel(String platform, List<String> clients) {
        Policy policy = new Policy(false, List.of(), Policy.DEFAULT_ZONE, null, ChannelStatus.ACTIVE, clients);
        return new ChannelConfig("c-" + platform, null, platform, "sms", "sms-presse", null, Map.of(),
                Duration.ofSeconds(60), false, null, policy, List.of(), List.of(), 1);
    }

    private static String clientCheck(String platform, List<String> clients) {
        ChannelConfig ch = channel(platform, clients);
        return ChannelsHandler.describe(ch, ChannelState.empty(ch.id()), null).getString("client_check");
    }

    @Test
    void aClientListOnXIsNotExposedOnMastodonOnAndWithoutListOnBlueskyOff() {
        assertThat(clientCheck("twitter", List.of("Hootsuite"))).isEqualTo("not exposed");
        assertThat(clientCheck("instagram", List.of("Meta Business Suite"))).isEqualTo("not exposed");
        assertThat(clientCheck("mastodon", List.of("Hootsuite"))).isEqualTo("on");
        assertThat(clientCheck("rss", List.of())).isEqualTo("on");
        assertThat(clientCheck("bluesky", List.of())).isEqualTo("off");
    }
}
