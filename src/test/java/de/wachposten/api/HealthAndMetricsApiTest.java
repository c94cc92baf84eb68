package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.store.StoreException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthAndMetricsApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void servesPrometheusTextWithoutAuthentication() {
        api.registry.counter("wachposten.posts.ingested", "channel", "sms-twitter").increment(3);

        HttpResponse<Buffer> r = api.get("/metrics", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.bodyAsString()).contains("wachposten_posts_ingested_total{channel=\"sms-twitter\"} 3.0");
    }

    @Test
    void reportsLiveWithoutAuthentication() {
        HttpResponse<Buffer> r = api.get("/health/live", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
    }

    @Test
    void reportsReadyWhenTheDaemonIsReadyAndTheStoreAnswers() {
        HttpResponse<Buffer> r = api.get("/health/ready", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
    }

    @Test
    void reportsNotReadyWithAReasonWhileTheDaemonStarts() {
        api.ready.set(false);

        HttpResponse<Buffer> r = api.get("/health/ready", null);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "DOWN")
                .put("reason", "daemon not ready"));
    }

    @Test
    void reportsNotReadyWithoutStoreDetailsWhenTheStoreFails() {
        api.failStoreWith(new StoreException("count outbox: database is locked"));

        HttpResponse<Buffer> r = api.get("/health/ready", null);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "DOWN")
                .put("reason", "store unavailable"));
    }
}
