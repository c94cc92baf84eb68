package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.testkit.ExternalProgram;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's {@code prometheus} scrapes the running daemon; its query API returns a {@code wachposten_} series. */
class PrometheusRoundTripTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesTheDaemonAndAnswersAQueryForAWachpostenSeries(@TempDir Path dir) throws Exception {
        Path binary = ExternalProgram.require("prometheus", "apt-get install prometheus");
        try (DaemonFixture f = DaemonFixture.prepare(dir, Clock.systemUTC())) {
            f.sim().mastodon().account("SMS_Sachsen", "Sozialministerium Sachsen");
            f.sim().mastodon().account("polizeisachsen", "Polizei Sachsen");
            f.startDaemon(Clock.systemUTC());
            int port = freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: wachposten
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(f.daemon().apiPort()));
            Process prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                String query = "http://127.0.0.1:" + port + "/api/v1/query?query="
                        + URLEncoder.encode("wachposten_channels{state=\"ok\"}", StandardCharsets.UTF_8);
                JsonArray result = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                        .ignoreExceptions().until(() -> query(query), r -> !r.isEmpty());
                JsonObject series = result.getJsonObject(0);
                assertThat(series.getJsonObject("metric").getString("job")).isEqualTo("wachposten");
                assertThat(series.getJsonArray("value").getString(1)).isEqualTo("2");
            } finally {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private JsonArray query(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("status")).isEqualTo("success");
        return body.getJsonObject("data").getJsonArray("result");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
