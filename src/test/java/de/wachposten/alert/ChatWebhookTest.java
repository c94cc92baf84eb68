package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.alert.NotifierFactory.NotifierEnv;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Resolution;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestAlerts;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatWebhookTest {
    private static final Office OFFICE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = MutableClock.at("2016-01-08T05:31:02Z");
    private Vertx vertx;
    private WebClient client;
    private WebhookReceiver receiver;

    /** A chat notifier whose payload is the headline and the offered resolutions. */
    static final class EchoNotifier extends ChatWebhook {
        EchoNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                     AckLinks ackLinks) {
            super("echo", sink, office, client, clock, timeout, ackLinks, (alert, text, links) -> new JsonObject()
                    .put("headline", text.headline(alert))
                    .put("links", new JsonArray(links.stream().map(l -> l.resolution().wire()).toList())));
        }
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        receiver = WebhookReceiver.start(vertx, null, clock);
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        client.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static SinkConfig sink(String url) {
        return new SinkConfig("echo", url, null, List.of(), null, null, "sms-presse#1:echo", 14);
    }

    private Notifier fromFactory() {
        AckLinks ackLinks = new AckLinks(KEY, "https://wachposten.example/", Duration.ofHours(1), clock);
        NotifierEnv env = new NotifierEnv(vertx, client, clock, null, ackLinks);
        return ChatWebhook.factory(EchoNotifier::new).create(sink(receiver.url() + "?token=q-7f3c"), OFFICE, env);
    }

    private static Alert acknowledged(Alert open) {
        return new Alert(open.id(), open.channelId(), open.platform(), open.officeId(), open.severity(), open.reasons(),
                open.post(), open.createdAt(), open.updatedAt(), open.revision(), AlertStatus.ACKNOWLEDGED,
                Resolution.FALSE_POSITIVE);
    }

    @Test
    void theFactoryPostsTheOfficesTextsWithAcknowledgementLinksWhileTheAlertIsOpen() throws Exception {
        Notifier notifier = fromFactory();
        Alert open = TestAlerts.alert("686167854231101440");

        notifier.send(open, 1).await(10, TimeUnit.SECONDS);
        notifier.send(acknowledged(open), 2).await(10, TimeUnit.SECONDS);

        List<WebhookReceiver.Received> got = receiver.awaitAccepted(2);
        assertThat(got.get(0).body().getString("headline"))
                .isEqualTo("HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten");
        assertThat(got.get(0).body().getJsonArray("links"))
                .containsExactly("approved_late", "false_positive", "incident");
        assertThat(got.get(1).body().getJsonArray("links")).isEmpty();
        assertThat(got.get(0).headers().get("content-type")).isEqualTo("application/json");
    }

    @Test
    void theNotifierNamesItsTypeAndItsSinkWithoutTheUrlQuery() {
        Notifier notifier = fromFactory();

        assertThat(notifier.type()).isEqualTo("echo");
        assertThat(notifier.toString()).startsWith("echo sink of office sms-presse (http://127.0.0.1:")
                .doesNotContain("q-7f3c");
    }

    @Test
    void aSinkWithoutUrlIsRefusedNamingTypeOfficeAndLine() {
        assertThatThrownBy(() -> new EchoNotifier(sink(" "), OFFICE, client, clock, ChatWebhook.DEFAULT_TIMEOUT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("echo sink of office sms-presse (line 14): url is required");
    }
}
