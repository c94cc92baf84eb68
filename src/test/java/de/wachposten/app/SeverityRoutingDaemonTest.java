package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.alert.Escalator;
import de.wachposten.model.Alert;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Severity routing through the running daemon, for every way an alert changes: an office with a sink for every alert
 * ({@code all}) and a sink with {@code min_severity: critical} ({@code pager}), plus an escalation contact. The rule:
 * a sink receives revision N of an alert only if it received an earlier revision or now qualifies for the alert; an
 * alert that rises to critical reaches the pager with every reason so far.
 */
class SeverityRoutingDaemonTest {
    private static final String ANNA = "token-anna";
    private static final String BERND = "token-bernd";
    /** Quiet time in which a sink must not receive anything. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    /** System time, moved ahead by the test to let an escalation fall due. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        @Override
        public Instant instant() {
            return Clock.systemUTC().instant().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final ShiftedClock clock = new ShiftedClock();
    @RegisterExtension
    final SimStack stack = SimStack.at(clock);
    @TempDir
    Path dir;
    private WebhookReceiver all;
    private WebhookReceiver pager;
    private WebhookReceiver boss;
    private Daemon daemon;
    private SimAccount night;
    private SimAccount sms;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        all = stack.receiver();
        pager = WebhookReceiver.start(stack.vertx(), SimStack.SECRET, clock);
        boss = WebhookReceiver.start(stack.vertx(), SimStack.SECRET, clock);
        night = stack.sim().mastodon().account("nachtschicht", "Nachtschicht");
        sms = stack.sim().mastodon().account("SMS_Sachsen", "SMS");
        stack.sim().mastodon().publish(night, "Archiv", berlin("2016-01-07T12:00:00"), "Web");
        stack.sim().mastodon().publish(sms, "Archiv", berlin("2016-01-07T12:00:00"), "Web");
    }

    @AfterEach
    void stop() {
        pager.close();
        boss.close();
    }

    private void startDaemon(String escalationAfter) throws Exception {
        String escalation = escalationAfter == null ? "" : """
                    escalation:
                      after: %s
                      sinks:
                        - type: webhook
                          url: %s
                          secret: ${HOOK_SECRET}
                """.formatted(escalationAfter, boss.url());
        Path config = dir.resolve("wachposten.yaml");
        Files.writeString(config, """
                server:
                  port: 0
                store:
                  path: %s
                offices:
                  - id: presse
                    language: en
                    sinks:
                      - type: webhook
                        url: %s
                        secret: ${HOOK_SECRET}
                      - type: webhook
                        url: %s
                        secret: ${HOOK_SECRET}
                        min_severity: critical
                %susers:
                  - id: anna
                    roles: [drafter]
                    offices: [presse]
                    token_sha256: %s
                  - id: bernd
                    roles: [approver]
                    offices: [presse]
                    token_sha256: %s
                channels:
                  - id: night
                    platform: mastodon
                    account: nachtschicht
                    base_url: %s
                    office: presse
                    poll_interval: 200ms
                    policy:
                      hours: ["Mon-Fri 07:00-19:00"]
                      timezone: Europe/Berlin
                  - id: sms
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: %s
                    office: presse
                    poll_interval: 200ms
                    policy:
                      approval: required
                """.formatted(dir.resolve("wp.db"), all.url(), pager.url(), escalation,
                TokenCommand.sha256Hex(ANNA), TokenCommand.sha256Hex(BERND), stack.sim().baseUrl(),
                stack.sim().baseUrl()));
        daemon = stack.startDaemon(config, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> !daemon.store().channelState("night").firstPoll()
                && !daemon.store().channelState("sms").firstPoll());
    }

    /** A medium {@code outside_hours} alert on channel night, delivered to {@code all} only. */
    private String mediumAlert(String text) {
        String id = stack.sim().mastodon().publish(night, text, berlin("2016-01-08T06:30:00"), "Web");
        String alertId = Alert.idFor("night", id);
        awaitRevision(all, alertId, 1);
        assertThat(body(all, alertId, 1).getString("severity")).isEqualTo("medium");
        return id;
    }

    @Test
    void anAcknowledgementReachesOnlyTheSinksThatHadTheAlert() throws Exception {
        startDaemon(null);
        String alertId = Alert.idFor("night", mediumAlert("Guten Morgen aus der Nachtschicht"));

        HttpResponse<String> ack = post("/api/v1/alerts/" + alertId + "/ack", ANNA,
                new JsonObject().put("resolution", "false_positive"));
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);

        awaitRevision(all, alertId, 2);
        assertThat(body(all, alertId, 2).getString("status")).isEqualTo("acknowledged");
        assertNothingFor(pager, alertId);
        assertThat(deliveredTo(alertId)).containsOnly("presse#0:webhook");
    }

    @Test
    void aLateApprovalReachesOnlyTheSinksThatHadTheAlert() throws Exception {
        startDaemon(null);
        String text = "Pressemitteilung: Neue Förderrichtlinie veröffentlicht.";
        String id = stack.sim().mastodon().publish(sms, text, berlin("2016-01-08T10:00:00"), "Web");
        String alertId = Alert.idFor("sms", id);
        awaitRevision(all, alertId, 1);
        assertThat(body(all, alertId, 1).getString("severity")).isEqualTo("high");

        HttpResponse<String> late = post("/api/v1/approvals", BERND,
                new JsonObject().put("channel", "sms").put("text", text).put("drafted_by", "anna"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        assertThat(new JsonObject(late.body()).getString("resolved_alert")).isEqualTo(alertId);

        awaitRevision(all, alertId, 2);
        assertThat(body(all, alertId, 2).getString("resolution")).isEqualTo("approved_late");
        assertNothingFor(pager, alertId);
    }

    @Test
    void aDeletionReachesOnlyTheSinksThatHadTheAlert() throws Exception {
        startDaemon(null);
        String id = mediumAlert("Guten Morgen aus der Nachtschicht");
        String alertId = Alert.idFor("night", id);

        stack.sim().mastodon().delete(id);

        awaitRevision(all, alertId, 2);
        assertThat(codes(body(all, alertId, 2))).contains("outside_hours", "deleted");
        assertNothingFor(pager, alertId);
    }

    @Test
    void anAlertThatRisesToCriticalReachesThePagerWithItsWholeHistory() throws Exception {
        startDaemon(null);
        String id = mediumAlert("Guten Morgen aus der Nachtschicht");
        String alertId = Alert.idFor("night", id);
        assertNothingFor(pager, alertId);

        stack.sim().mastodon().edit(id, "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus.",
                berlin("2016-01-08T06:35:00"));

        awaitRevision(pager, alertId, 2);
        JsonObject seen = body(pager, alertId, 2);
        assertThat(seen.getString("severity")).isEqualTo("critical");
        assertThat(codes(seen)).contains("outside_hours", "edited", "flagged_content");
        assertThat(pager.accepted()).extracting(WebhookReceiver.Received::id).containsExactly(alertId + "_r2");
        awaitRevision(all, alertId, 2);

        // from now on the pager follows the alert like every sink that has it
        HttpResponse<String> ack = post("/api/v1/alerts/" + alertId + "/ack", ANNA,
                new JsonObject().put("resolution", "incident"));
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        awaitRevision(pager, alertId, 3);
        awaitRevision(all, alertId, 3);
    }

    @Test
    void anEscalationReachesTheEscalationContactAndNotThePager() throws Exception {
        startDaemon("1m");
        String alertId = Alert.idFor("night", mediumAlert("Guten Morgen aus der Nachtschicht"));
        clock.shift = Duration.ofMinutes(2);
        // the check the scheduler runs every 15 s, now (its own 15 s run may take this alert first)
        daemon.scheduler().runNow(Escalator.JOB).otherwiseEmpty().await(10, TimeUnit.SECONDS);

        awaitRevision(boss, alertId, 2);
        assertThat(all.acceptedIds()).doesNotContain(alertId + "_r2");

        HttpResponse<String> ack = post("/api/v1/alerts/" + alertId + "/ack", ANNA,
                new JsonObject().put("resolution", "incident"));
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        awaitRevision(all, alertId, 3);
        awaitRevision(boss, alertId, 3);
        assertNothingFor(pager, alertId);
    }

    private static void awaitRevision(WebhookReceiver r, String alertId, int revision) {
        awaitRevision(r, alertId, revision, Duration.ofSeconds(15));
    }

    private static void awaitRevision(WebhookReceiver r, String alertId, int revision, Duration atMost) {
        await().atMost(atMost).until(() -> r.acceptedIds().contains(alertId + "_r" + revision));
    }

    private static void assertNothingFor(WebhookReceiver r, String alertId) {
        Supplier<List<String>> ids = () -> r.received().stream().map(WebhookReceiver.Received::id)
                .filter(id -> id.startsWith(alertId)).toList();
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> ids.get().isEmpty());
    }

    private static JsonObject body(WebhookReceiver r, String alertId, int revision) {
        return r.accepted().stream().filter(x -> x.id().equals(alertId + "_r" + revision)).findFirst().orElseThrow()
                .body();
    }

    private static List<String> codes(JsonObject alert) {
        JsonArray reasons = alert.getJsonArray("reasons");
        return reasons.stream().map(o -> ((JsonObject) o).getString("code")).toList();
    }

    private List<Object> deliveredTo(String alertId) {
        return daemon.store().deliveries(alertId).stream().map(d -> d.get("sink")).toList();
    }

    private HttpResponse<String> post(String path, String token, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.apiPort() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }
}
