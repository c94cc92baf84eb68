package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.rss.RssSimulator;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonObject;
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

/**
 * From simulated RSS feeds (one per feed dialect) and a simulated Facebook Page through the daemon to signed webhook
 * alerts.
 */
class FeedToWebhookTest {
    /** Friday 8 January 2016, 06:30 in Dresden: outside office hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T05:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @Test
    void aFeedItemPublishedAt0630AndDeletedLaterReachesThePressOfficeAsOneSignedAlert(@TempDir Path dir)
            throws Exception {
        String feed = stack.sim().rss().feed("sms", "Medienservice SMS", RssSimulator.Format.RSS);
        stack.sim().rss().setGenerator("sms", "Government Site Builder");
        stack.sim().rss().publish("sms", "Archiv", "schon vorher da", CLOCK.instant().minus(Duration.ofDays(2)));
        Path config = stack.writeConfig(dir, feedChannel("sms-feed", feed));
        stack.startDaemon(config, Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> stack.sim().requestCount(RssSimulator.ROUTE_FEED, "sms") >= 2);

        String id = stack.sim().rss().publish("sms", "Pressemitteilung", "Veröffentlicht um 06:30", CLOCK.instant());
        WebhookReceiver.Received alert = stack.receiver().awaitAccepted(1).getFirst();
        stack.sim().rss().delete(id);
        WebhookReceiver.Received update = stack.receiver().awaitAccepted(2).get(1);

        JsonObject body = alert.body();
        assertThat(alert.validSignature()).isTrue();
        assertThat(body.getString("platform")).isEqualTo("rss");
        assertThat(body.getString("channel")).isEqualTo("sms-feed");
        assertThat(body.getJsonArray("reasons").encode()).contains("outside_hours").doesNotContain("deleted");
        assertThat(body.getJsonObject("post").getString("text")).isEqualTo("Pressemitteilung\n\nVeröffentlicht um 06:30");
        assertThat(body.getJsonObject("post").getString("client")).isEqualTo("Government Site Builder");
        assertThat(body.getJsonObject("post").getString("id")).isEqualTo(id);
        assertThat(update.body().getString("alert_id")).isEqualTo(body.getString("alert_id"));
        assertThat(update.body().getJsonArray("reasons").encode()).contains("deleted");
    }

    @Test
    void aFacebookPostFromAnUnexpectedAppAt0630ReachesThePressOfficeAndItsEditUpdatesTheAlert(@TempDir Path dir)
            throws Exception {
        String page = "104000000000000";
        stack.sim().meta().account(page, "SMS Sachsen", false);
        stack.sim().meta().requireToken("page-token-1");
        stack.sim().meta().publish(page, "Archiv", CLOCK.instant().minus(Duration.ofDays(2)), "Meta Business Suite");
        Path config = stack.writeConfig(dir, """
                - id: sms-facebook
                  platform: facebook
                  account: "%s"
                  base_url: %s
                  credentials:
                    access_token: ${FB_TOKEN}
                  office: sms-presse
                  poll_interval: 200ms
                  policy:
                    approval: none
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                    clients: ["Meta Business Suite"]
                """.formatted(page, stack.sim().baseUrl()));
        stack.startDaemon(config, Map.of("FB_TOKEN", "page-token-1"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stack.sim().requestCount(
                de.wachposten.simulator.meta.MetaSimulator.ROUTE_EDGE, page) >= 2);

        String id = stack.sim().meta().publish(page, "Beitrag vom privaten PC", CLOCK.instant(), "Facebook for Android");
        WebhookReceiver.Received alert = stack.receiver().awaitAccepted(1).getFirst();
        stack.sim().meta().edit(id, "Beitrag vom privaten PC (korrigiert)", CLOCK.instant().plusSeconds(60));
        WebhookReceiver.Received update = stack.receiver().awaitAccepted(2).get(1);

        assertThat(alert.validSignature()).isTrue();
        assertThat(alert.body().getString("platform")).isEqualTo("facebook");
        assertThat(alert.body().getJsonArray("reasons").encode()).contains("outside_hours");
        assertThat(alert.body().getJsonObject("post").getString("client")).isEqualTo("Facebook for Android");
        assertThat(alert.body().getJsonObject("post").getString("published_at")).isEqualTo("2016-01-08T05:30:00Z");
        assertThat(update.body().getString("alert_id")).isEqualTo(alert.body().getString("alert_id"));
        assertThat(update.body().getJsonArray("reasons").encode()).contains("edited");
    }

    @Test
    void everyDialectReachesTheWebhookAsOneSignedAlert(@TempDir Path dir) throws Exception {
        StringBuilder channels = new StringBuilder();
        for (RssSimulator.Format f : RssSimulator.Format.values()) {
            String name = f.name().toLowerCase();
            String url = stack.sim().rss().feed(name, "Amt " + name, f);
            stack.sim().rss().publish(name, "Archiv " + name, "schon vorher da", CLOCK.instant().minus(Duration.ofDays(2)));
            channels.append(feedChannel("feed-" + name, url));
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

    /** An RSS channel of the press office, polled every 200 ms, office hours 07:00-19:00 on weekdays. */
    private static String feedChannel(String id, String url) {
        return """
                - id: %s
                  platform: rss
                  account: %s
                  office: sms-presse
                  poll_interval: 200ms
                  policy:
                    approval: none
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                """.formatted(id, url);
    }
}
