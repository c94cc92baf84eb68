package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A Mastodon channel with an access token listens to the streaming API: a new status is polled at once. */
class MastodonPushTest {
    /** Friday 8 January 2016, 06:30 in Dresden: outside office hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T05:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @Test
    void aStatusPushedByTheStreamingApiIsPolledAtOnceDespiteAnHourLongPollInterval(@TempDir Path dir)
            throws Exception {
        MastodonSimulator mastodon = stack.sim().mastodon();
        SimAccount sms = mastodon.account("sms", "Sozialministerium");
        mastodon.grantStreamingToken(sms, "stream-token-1");
        stack.startDaemon(config(dir), Map.of("MASTODON_TOKEN", "stream-token-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mastodon.openStreams() == 1);

        mastodon.publish(sms, "Schon vor dem ersten Abruf da", CLOCK.instant().minusSeconds(60), "Web");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusRequests() >= 1);
        String id = mastodon.publish(sms, "Beitrag vom privaten PC", CLOCK.instant(), "Web");
        JsonObject alert = stack.receiver().awaitAccepted(1).getFirst().body();

        // after the first poll the schedule waits an hour: only the pushed event can have fetched this status
        assertThat(alert.getJsonObject("post").getString("id")).isEqualTo(id);
        assertThat(alert.getJsonArray("reasons").encode()).contains("outside_hours");
    }

    @Test
    void aRefusedStreamLeavesTheChannelPolled(@TempDir Path dir) throws Exception {
        MastodonSimulator mastodon = stack.sim().mastodon();
        mastodon.account("sms", "Sozialministerium");
        Path config = config(dir);
        Files.writeString(config, Files.readString(config).replace("poll_interval: 1h", "poll_interval: 200ms"));
        stack.startDaemon(config, Map.of("MASTODON_TOKEN", "not-granted"));

        await().atMost(Duration.ofSeconds(15)).until(() -> statusRequests() >= 3);
        assertThat(mastodon.openStreams()).isZero();
    }

    private int statusRequests() {
        return stack.sim().requestCount(MastodonSimulator.ROUTE_STATUSES, "sms");
    }

    private Path config(Path dir) throws Exception {
        return stack.writeConfig(dir, """
                - id: sms-mastodon
                  platform: mastodon
                  account: sms
                  base_url: %s
                  credentials:
                    access_token: ${MASTODON_TOKEN}
                  office: sms-presse
                  poll_interval: 1h
                  policy:
                    approval: none
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                """.formatted(stack.sim().baseUrl()));
    }
}
