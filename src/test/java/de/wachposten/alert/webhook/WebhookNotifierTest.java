package de.wachposten.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertJson;
import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierContract;
import de.wachposten.alert.NotifierFactory.NotifierEnv;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.WebhookReceiver;
import de.wachposten.testkit.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest extends NotifierContract {
    private static final String KEY_B64 = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String SECRET = "whsec_" + KEY_B64;
    private static final String URL_TOKEN = "q-token-7f3c9d";
    private static final Office OFFICE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());

    private final MutableClock clock = MutableClock.at("2016-01-08T05:31:02Z");
    private WebhookReceiver receiver;
    private WebClient client;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start(vertx, SECRET, clock);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        client.close();
    }

    private static SinkConfig sink(String url, Secret secret) {
        return new SinkConfig("webhook", url, secret, List.of(), null, null, "sms-presse#0:webhook", 12);
    }

    private Notifier notifier(String url, Secret secret, Duration timeout) {
        return new WebhookNotifier(sink(url, secret), OFFICE, client, clock, timeout);
    }

    @Override
    protected Notifier notifier(Duration timeout) {
        return notifier(receiver.url() + "?token=" + URL_TOKEN, Secret.of(SECRET, "SMS_WEBHOOK_SECRET"), timeout);
    }

    @Override
    protected Notifier notifierForUnreachableSink() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return notifier("http://127.0.0.1:" + port + "/hook?token=" + URL_TOKEN, Secret.of(SECRET, null),
                Duration.ofSeconds(15));
    }

    @Override
    protected void sinkFailsTemporarily(int times) {
        receiver.answer(times, 503);
    }

    @Override
    protected void sinkThrottles(Duration retryAfter) {
        receiver.answer(1, 429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
    }

    @Override
    protected void sinkRejects() {
        receiver.answer(1, 400);
    }

    @Override
    protected void sinkHangs() {
        receiver.hang(1);
    }

    @Override
    protected int acceptedCount() {
        return receiver.accepted().size();
    }

    @Override
    protected String sinkNamedAs() {
        return "webhook sink of office sms-presse (http://127.0.0.1:";
    }

    @Override
    protected List<String> secrets() {
        return List.of(SECRET, KEY_B64, URL_TOKEN);
    }

    @Test
    void sendsExactlyTheAlertJsonBytesWithTheStandardWebhooksHeaders() throws Exception {
        Alert alert = alert();
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        Received r = receiver.awaitAccepted(1).get(0);
        assertThat(r.rawBody()).isEqualTo(AlertJson.body(alert).encode().getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).isEqualTo(AlertJson.body(alert));
        assertThat(r.id()).isEqualTo(alert.id() + "_r1");
        assertThat(r.timestamp()).isEqualTo("1452231062");
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        assertThat(r.headers().get("user-agent")).isEqualTo("Wachposten");
        assertThat(r.headers().getAll("user-agent")).hasSize(1);
        assertThat(r.uri()).isEqualTo(WebhookReceiver.PATH + "?token=" + URL_TOKEN);
    }

    @Test
    void theSignatureVerifiesWithTheConfiguredSecret() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        Received r = receiver.awaitAccepted(1).get(0);
        assertThat(r.signature()).startsWith("v1,");
        assertThat(r.validSignature()).isTrue();
        assertThat(StandardWebhooks.verify("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), r.id(),
                r.timestamp(), r.rawBody(), r.signature(), clock.instant().getEpochSecond(), 300)).isFalse();
    }

    @Test
    void theWebhookIdStaysTheSameAcrossRetriesWhileTheTimestampIsThatOfEachAttempt() throws Exception {
        receiver.answer(1, 503);
        Notifier n = notifier(Duration.ofSeconds(15));
        assertThat(attempt(n)).isNotNull();
        clock.advance(Duration.ofSeconds(90));
        assertThat(attempt(n)).isNull();
        List<Received> all = receiver.received();
        assertThat(all).extracting(Received::id).containsExactly(alert().id() + "_r1", alert().id() + "_r1");
        assertThat(all).extracting(Received::timestamp).containsExactly("1452231062", "1452231152");
        assertThat(all).allMatch(Received::validSignature);
    }

    @Test
    void eachRevisionHasItsOwnWebhookId() throws Exception {
        Notifier n = notifier(Duration.ofSeconds(15));
        n.send(alert(), 2).toCompletionStage().toCompletableFuture().get();
        assertThat(receiver.awaitAccepted(1).get(0).id()).isEqualTo(alert().id() + "_r2");
    }

    @Test
    void withoutASecretNoSignatureIsSent() throws Exception {
        assertThat(attempt(notifier(receiver.url(), null, Duration.ofSeconds(15)))).isNull();
        Received r = receiver.awaitAccepted(1).get(0);
        assertThat(r.signature()).isNull();
        assertThat(r.headers().contains("webhook-id")).isTrue();
    }

    @Test
    void anUnsetSecretFailsRetryablyNamingOfficeAndVariableWithoutSending() throws Exception {
        DeliveryException e = attempt(notifier(receiver.url(), Secret.unset("SMS_WEBHOOK_SECRET"), Duration.ofSeconds(15)));
        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessage("webhook secret for office sms-presse: environment variable SMS_WEBHOOK_SECRET is not set");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aSecretThatIsNotBase64FailsRetryablyWithoutQuotingIt() throws Exception {
        DeliveryException e = attempt(notifier(receiver.url(), Secret.of("whsec_***TOPSECRET***", "X"), Duration.ofSeconds(15)));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("office sms-presse").doesNotContain("TOPSECRET");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowedAndNotRetryable() throws Exception {
        receiver.answer(1, 302, Map.of("Location", receiver.url() + "?redirected=1"));
        DeliveryException e = attempt(notifier(Duration.ofSeconds(15)));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 302").contains("redirects are not followed");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void goneIsNotRetryable() throws Exception {
        receiver.answer(1, 410);
        assertThat(attempt(notifier(Duration.ofSeconds(15))).retryable()).isFalse();
    }

    @Test
    void messagesPrintTheUrlWithoutItsQueryString() throws Exception {
        receiver.answer(1, 503);
        DeliveryException e = attempt(notifier(Duration.ofSeconds(15)));
        assertThat(e).hasMessage("webhook sink of office sms-presse (" + receiver.url() + "): HTTP 503 Service Unavailable");
    }

    @Test
    void theFactoryBuildsAWebhookNotifierFromTheSharedEnvironment() throws Exception {
        Notifier n = WebhookNotifier.FACTORY.create(sink(receiver.url(), Secret.of(SECRET, null)), OFFICE,
                new NotifierEnv(vertx, client, clock, null));
        assertThat(n.type()).isEqualTo("webhook");
        assertThat(attempt(n)).isNull();
        assertThat(receiver.awaitAccepted(1).get(0).body()).isInstanceOf(JsonObject.class);
    }

    @Test
    void aTimeoutAndARefusedConnectionAreNamedAsSuch() throws Exception {
        receiver.hang(1);
        assertThat(attempt(notifier(Duration.ofMillis(300)))).hasMessageEndingWith(": no answer within 300 ms");
        assertThat(attempt(notifierForUnreachableSink())).hasMessageEndingWith(": connection refused or unreachable");
    }
}
