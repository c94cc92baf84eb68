package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.testkit.SimChannel;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon watching one channel on every platform, all on the simulator: a post at 06:30 on each reaches the press
 * office as one signed alert naming its platform, channel and post.
 */
class EveryPlatformToWebhookTest {
    /** Friday 8 January 2016, 06:30 in Dresden: outside office hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T05:30:00Z"), ZoneOffset.UTC);

    private static final String POLICY = """
            office-hours:
              approval: none
              hours: ["Mon-Fri 07:00-19:00"]
              timezone: Europe/Berlin
            """;

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @Test
    void aPostAt0630OnEveryPlatformReachesThePressOfficeAsOneSignedAlertEach(@TempDir Path dir) throws Exception {
        List<SimChannel> channels = new ArrayList<>();
        for (String platform : SimChannel.PLATFORMS) {
            SimChannel c = SimChannel.create(stack.sim(), platform, 1);
            c.publish("Archivbeitrag von vorgestern", CLOCK.instant().minus(Duration.ofDays(2)));
            channels.add(c);
        }
        stack.startDaemon(stack.writeConfig(dir, POLICY, channels, "300ms", "office-hours"), Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> channels.stream()
                .allMatch(c -> stack.sim().requestCount(null, c.faultKey()) >= 2));
        assertThat(stack.receiver().received()).as("history is not alerted").isEmpty();

        Map<String, String> postIds = new HashMap<>();
        for (SimChannel c : channels) {
            postIds.put(c.id(), c.publish("Beitrag um 06:30 auf " + c.platform(), CLOCK.instant()));
        }
        List<WebhookReceiver.Received> alerts = stack.receiver().awaitAccepted(channels.size());

        Map<String, JsonObject> byChannel = new HashMap<>();
        for (WebhookReceiver.Received a : alerts) {
            assertThat(a.validSignature()).isTrue();
            assertThat(byChannel.put(a.body().getString("channel"), a.body())).as("one alert per post").isNull();
        }
        assertThat(byChannel.keySet()).containsExactlyInAnyOrderElementsOf(postIds.keySet());
        for (SimChannel c : channels) {
            JsonObject body = byChannel.get(c.id());
            assertThat(body.getString("platform")).isEqualTo(c.platform());
            assertThat(body.getJsonObject("post").getString("id")).isEqualTo(postIds.get(c.id()));
            assertThat(body.getJsonObject("post").getString("text")).contains("Beitrag um 06:30 auf " + c.platform());
            assertThat(body.getJsonObject("post").getString("published_at")).isEqualTo("2016-01-08T05:30:00Z");
            assertThat(body.getJsonArray("reasons").encode()).contains("outside_hours");
        }
    }
}
