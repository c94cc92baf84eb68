package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.demo.Demo;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Off-boarding on a running daemon: a rotation task open past {@code offboarding.rotate_within} (default 24 h) reaches
 * the press office as a {@code credentials_overdue} alert, a post on the channel meanwhile is critical, and the
 * confirmed rotation resolves the overdue alert.
 */
class OffboardingDaemonTest {
    @Test
    void anOverdueRotationIsAlertedRaisesTheNextPostToCriticalAndIsResolvedByTheRotation(@TempDir Path dir)
            throws Exception {
        MutableClock clock = MutableClock.at("2016-01-08T08:00:00Z");
        Instant left = clock.instant().minus(Duration.ofHours(30));
        try (DaemonFixture f = DaemonFixture.prepare(dir, clock)) {
            MastodonSimulator sim = f.sim().mastodon();
            SimAccount sms = sim.account("SMS_Sachsen", "Sozialministerium Sachsen");
            sim.account("polizeisachsen", "Polizei Sachsen");
            try (Store store = SqliteStore.open(dir.resolve("wachposten.db"), clock)) {
                store.openRotationTasks("anna", left, List.of("sms-sachsen"), "root", left);
            }
            f.startDaemon(clock);

            WebhookReceiver.Received overdue = f.receiver().awaitAccepted(1).getFirst();
            assertThat(overdue.body().getString("severity")).isEqualTo("high");
            assertThat(overdue.body().getString("channel")).isEqualTo("sms-sachsen");
            assertThat(reasonCodes(overdue.body())).containsExactly("credentials_overdue");
            assertThat(overdue.body().getJsonObject("post").getString("text"))
                    .contains("anna left at " + left, "rotation was due by " + left.plus(Duration.ofHours(24)));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> f.daemon().store().channelState("sms-sachsen").lastSuccessAt() != null);
            sim.publish(sms, "Guten Morgen aus Dresden", clock.instant(), "Hootsuite");
            JsonObject post = f.receiver().awaitAccepted(2).get(1).body();
            assertThat(post.getString("severity")).isEqualTo("critical");
            assertThat(reasonCodes(post)).contains("credentials_overdue", "unapproved");

            HttpResponse<String> r = new Demo.Api(f.api()).post("/api/v1/channels/sms-sachsen/credentials-rotated",
                    "demo-bernd", new JsonObject());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(new JsonObject(r.body()).getJsonArray("resolved_alerts"))
                    .containsExactly(overdue.body().getString("alert_id"));
            await().atMost(Duration.ofSeconds(10)).until(() -> f.receiver().accepted().stream()
                    .anyMatch(x -> x.body().getString("alert_id").equals(overdue.body().getString("alert_id"))
                            && "resolved".equals(x.body().getString("status"))));
        }
    }

    private static List<String> reasonCodes(JsonObject body) {
        JsonArray reasons = body.getJsonArray("reasons");
        return reasons.stream().map(o -> ((JsonObject) o).getString("code")).toList();
    }
}
