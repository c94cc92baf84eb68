package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.bluesky.SimActor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A Bluesky channel with {@code jetstream_url} listens to Jetstream: new and deleted posts are polled at once. */
class BlueskyPushTest {
    /** Friday 8 January 2016, 06:30 in Dresden: outside office hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T05:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @Test
    void aNewPostAndItsDeletionArePolledAtOnceDespiteATenMinutePollInterval(@TempDir Path dir) throws Exception {
        BlueskySimulator bluesky = stack.sim().bluesky();
        SimActor sms = bluesky.actor("sms.sachsen.de", "Sozialministerium");
        stack.startDaemon(config(dir, "10m"), Map.of());
        // the source resolves the handle to the DID and subscribes; a frame brings the first poll forward
        await().atMost(Duration.ofSeconds(10)).until(() -> bluesky.jetstream().open() == 1);
        bluesky.publish(sms, "Schon vor dem ersten Abruf da", CLOCK.instant().minusSeconds(3600));
        await().atMost(Duration.ofSeconds(10)).until(() -> feedRequests() >= 1);
        int feedReads = feedRequests();

        String uri = bluesky.publish(sms, "Beitrag vom privaten Telefon", CLOCK.instant());
        JsonObject alert = awaitAlert(uri, "outside_hours");

        // the schedule waits ten minutes after the first poll: only the Jetstream frame can have fetched this post
        assertThat(feedRequests()).isGreaterThan(feedReads);

        bluesky.delete(uri);
        JsonObject update = awaitAlert(uri, "deleted");

        assertThat(update.getString("alert_id")).isEqualTo(alert.getString("alert_id"));
    }

    /** The first accepted webhook body about post {@code id} whose reasons include {@code reason}. */
    private JsonObject awaitAlert(String id, String reason) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> stack.receiver().accepted().stream().map(r -> r.body())
                .filter(b -> id.equals(b.getJsonObject("post").getString("id"))
                        && b.getJsonArray("reasons").encode().contains(reason)).findFirst(), Optional::isPresent).get();
    }

    @Test
    void aRefusedJetstreamLeavesTheChannelPolled(@TempDir Path dir) throws Exception {
        BlueskySimulator bluesky = stack.sim().bluesky();
        bluesky.actor("sms.sachsen.de", "Sozialministerium");
        bluesky.jetstream().refuseUpgrades(100);
        stack.startDaemon(config(dir, "200ms"), Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> feedRequests() >= 3
                && !bluesky.jetstream().subscriptions().isEmpty());
        assertThat(bluesky.jetstream().open()).isZero();
    }

    private int feedRequests() {
        return stack.sim().requestCount(BlueskySimulator.ROUTE_FEED, "sms.sachsen.de");
    }

    private Path config(Path dir, String pollInterval) throws Exception {
        return stack.writeConfig(dir, """
                - id: sms-bluesky
                  platform: bluesky
                  account: sms.sachsen.de
                  base_url: %s
                  jetstream_url: ws://127.0.0.1:%d
                  office: sms-presse
                  poll_interval: %s
                  policy:
                    approval: none
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                """.formatted(stack.sim().baseUrl(), stack.sim().port(), pollInterval));
    }
}
