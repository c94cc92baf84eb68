package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.model.Alert;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon runs as a separate process and is killed with SIGKILL while posts are being ingested and alerts are
 * waiting in the outbox; after a restart every post is stored once and every alert is delivered, with the same
 * alert ids.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;
    private DaemonHarness h;
    private Process child;

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        h.close();
    }

    @Test
    void aDaemonKilledMidRunNeitherLosesNorRepeatsAPostOrAnAlert() throws Exception {
        h = new DaemonHarness(dir);
        SimAccount sms = h.account("SMS_Sachsen");
        h.publish(sms, "Archiv", "2016-01-07T12:00:00", "Web");
        Path config = h.writeConfig("200ms");
        h.hook.otherwise(503, Map.of());   // the press office's endpoint is down: alerts wait in the outbox

        child = DaemonHarness.startChild(dir.resolve("run-1.log"), "run", "--config", config.toString());
        awaitReady();
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            posts.add(h.publish(sms, "Nachtpost " + i, "2016-01-08T05:%02d:00".formatted(i), "Web"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> alertCount() >= 3);
        for (int i = 10; i < 20; i++) {
            posts.add(h.publish(sms, "Nachtpost " + i, "2016-01-08T05:%02d:00".formatted(i), "Web"));
        }
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);   // SIGKILL: no shutdown hook runs
        assertThat(h.hook.accepted()).isEmpty();

        h.hook.otherwise(204, Map.of());   // the endpoint is back
        child = DaemonHarness.startChild(dir.resolve("run-2.log"), "run", "--config", config.toString());
        Set<String> expected = posts.stream().map(p -> Alert.idFor("sms", p) + "_r1").collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> h.hook.acceptedIds().containsAll(expected));
        child.destroy();   // SIGTERM: clean shutdown
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(h.hook.accepted()).allSatisfy(r -> assertThat(r.validSignature()).isTrue());
        assertThat(h.hook.accepted().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()))
                .isEqualTo(expected);
        try (Store store = SqliteStore.open(dir.resolve("wachposten.db"), Clock.systemUTC())) {
            for (String p : posts) {
                assertThat(store.versions("sms", p)).as("post " + p).hasSize(1);
            }
            assertThat(store.alerts(null, "sms")).hasSize(20);
            assertThat(store.outboxBacklog()).isZero();
            assertThat(store.pendingDetection(10)).isEmpty();
            assertThat(store.verifyAudit().ok()).isTrue();
        }
    }

    /** Ready, and the first poll (which archives the history without alerting) is done. */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> h.get("/health/ready", null).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> new JsonArray(h.get("/api/v1/channels", DaemonHarness.BERND)
                .body()).getJsonObject(0).getString("last_success_at") != null);
    }

    private int alertCount() throws Exception {
        return new JsonArray(h.get("/api/v1/alerts", DaemonHarness.BERND).body()).size();
    }
}
