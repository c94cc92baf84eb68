package de.wachposten.alert.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.testkit.ExternalProgram;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestAlerts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's {@code prometheus-alertmanager} (installed by {@code .ci/run}) started on a loopback port receives the
 * alert and lists it through its own API.
 */
class AlertmanagerRoundTripTest {
    @TempDir
    Path dir;
    private Process process;
    private Vertx vertx;
    private WebClient client;
    private int port;

    @BeforeEach
    void startAlertmanager() throws Exception {
        Path binary = ExternalProgram.require("prometheus-alertmanager", "apt-get install prometheus-alertmanager");
        Files.writeString(dir.resolve("alertmanager.yml"),
                "route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n");
        port = freePort();
        process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
                "--web.listen-address=127.0.0.1:" + port, "--storage.path=" + dir.resolve("data"),
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(this::ready);
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void alertmanagerReceivesTheAlertAndListsItWithLabelsAndAnnotations() throws Exception {
        var clock = MutableClock.at(Instant.now().toString());
        SinkConfig sink = new SinkConfig("alertmanager", "http://127.0.0.1:" + port, null, List.of(), null, null,
                "sms-presse#0:alertmanager", 3);
        var notifier = new AlertmanagerNotifier(sink, new Office("sms-presse", null, "de", List.of()), client, clock,
                Duration.ofSeconds(10), "http://localhost:8080");
        var alert = TestAlerts.alert("686167854231101440");
        notifier.send(alert, 1).await(15, TimeUnit.SECONDS);

        JsonArray listed = await().atMost(Duration.ofSeconds(10)).until(this::alerts, a -> !a.isEmpty());
        JsonObject got = listed.getJsonObject(0);
        assertThat(got.getJsonObject("labels").getString("alert_id")).isEqualTo(alert.id());
        assertThat(got.getJsonObject("labels").getString("alertname")).isEqualTo("WachpostenAlert");
        assertThat(got.getJsonObject("labels").getString("severity")).isEqualTo("high");
        assertThat(got.getJsonObject("annotations").getString("reasons")).isEqualTo("unapproved,outside_hours");
        assertThat(got.getString("generatorURL")).isEqualTo("http://localhost:8080");
        assertThat(got.getJsonObject("status").getString("state")).isEqualTo("active");

        notifier.send(alert, 2).await(15, TimeUnit.SECONDS);
        assertThat(alerts()).as("a second revision updates the same alert").hasSize(1);
    }

    private boolean ready() {
        try {
            return client.getAbs("http://127.0.0.1:" + port + "/-/ready").send().await(2, TimeUnit.SECONDS)
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private JsonArray alerts() throws Exception {
        return client.getAbs("http://127.0.0.1:" + port + "/api/v2/alerts").send().await(5, TimeUnit.SECONDS)
                .bodyAsJsonArray();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
