package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.rss.RssSimulator;
import de.wachposten.testkit.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One simulated feed per dialect through the daemon: each new item becomes one signed webhook alert. */
class FeedDialectsToWebhookTest {
    /** Friday 8 January 2016, 06:30 in Dresden: outside office hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T05:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @Test
    void everyDialectReachesTheWebhookAsOneSignedAlert(@TempDir Path dir) throws Exception {
        StringBuilder channels = new StringBuilder();
        for (RssSimulator.Format f : RssSimulator.Format.values()) {
            String name = f.name().toLowerCase();
            String url = stack.sim().rss().feed(name, "Amt " + name, f);
            stack.sim().rss().publish(name, "Archiv " + name, "schon vorher da", CLOCK.instant().minus(Duration.ofDays(2)));
            channels.append("""
                    - id: feed-%s
                      platform: rss
                      account: %s
                      office: sms-presse
                      poll_interval: 200ms
                      policy:
                        approval: none
                        hours: ["Mon-Fri 07:00-19:00"]
                        timezone: Europe/Berlin
                    """.formatted(name, url));
        }
        // the German authority quirk: an RSS 0.91 feed in ISO-8859-1, served gzip-compressed
        stack.sim().rss().setEncoding("rss_091", StandardCharsets.ISO_8859_1, true);
        stack.startDaemon(stack.writeConfig(dir, channels.toString()), Map.of());
        for (RssSimulator.Format f : RssSimulator.Format.values()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> stack.sim().requestCount(RssSimulator.ROUTE_FEED,
                    f.name().toLowerCase()) >= 2);
        }

        for (RssSimulator.Format f : RssSimulator.Format.values()) {
            String name = f.name().toLowerCase();
            stack.sim().rss().publish(name, "Straßensperrung " + name, "Gemäß Anordnung für Fußgänger", CLOCK.instant());
        }
        List<WebhookReceiver.Received> alerts = stack.receiver().awaitAccepted(RssSimulator.Format.values().length);

        Map<String, String> textByChannel = new HashMap<>();
        for (WebhookReceiver.Received a : alerts) {
            assertThat(a.validSignature()).isTrue();
            assertThat(a.body().getString("platform")).isEqualTo("rss");
            assertThat(a.body().getJsonArray("reasons").encode()).contains("outside_hours");
            textByChannel.merge(a.body().getString("channel"), a.body().getJsonObject("post").getString("text"),
                    (x, y) -> x + " | " + y);
        }
        assertThat(textByChannel).hasSize(RssSimulator.Format.values().length);
        for (RssSimulator.Format f : RssSimulator.Format.values()) {
            String name = f.name().toLowerCase();
            // RSS 0.90 items carry a title and a link only
            String expected = f == RssSimulator.Format.RSS_090 ? "Straßensperrung " + name
                    : "Straßensperrung " + name + "\n\nGemäß Anordnung für Fußgänger";
            assertThat(textByChannel).as(name).containsEntry("feed-" + name, expected);
        }
    }
}
