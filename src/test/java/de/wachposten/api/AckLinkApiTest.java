package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AckLinks;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AckLinkApiTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final ApiFixture api = new ApiFixture();
    private final Clock clock = Clock.fixed(ApiFixture.NOW, ZoneOffset.UTC);
    private AckLinks links;
    private Alert open;

    @BeforeEach
    void seed() {
        links = new AckLinks(KEY, "http://127.0.0.1:" + api.port, Duration.ofDays(7), clock);
        api.server.serveAckLinks(new AckLinkHandler(api.vertx, ApiFixture.config(), api.store, links, api.alerts));
        open = ApiFixture.openAlert(ApiFixture.tweet("1", "<script>alert(1)</script> [x](https://evil) @channel",
                Instant.parse("2016-01-08T05:30:00Z")), "sms-presse", ReasonCode.UNAPPROVED);
        api.putAlert(open);
    }

    @AfterEach
    void close() {
        api.close();
    }

    private String path(Resolution r) {
        return links.links(open.id()).stream().filter(l -> l.resolution() == r).findFirst().orElseThrow().url()
                .substring(("http://127.0.0.1:" + api.port).length());
    }

    private HttpResponse<Buffer> call(HttpMethod m, String path) {
        return api.send(m, path, null, null);
    }

    @Test
    void theLinkShowsAConfirmationPageWithThePostEscapedAndChangesNothing() {
        HttpResponse<Buffer> r = call(HttpMethod.GET, path(Resolution.FALSE_POSITIVE));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.getHeader("referrer-policy")).isEqualTo("no-referrer");
        assertThat(r.getHeader("cache-control")).isEqualTo("no-store");
        assertThat(r.bodyAsString()).contains("&lt;script&gt;alert(1)&lt;/script&gt; [x](https://evil) @channel")
                .doesNotContain("<script").contains("<form method=\"post\">")
                .contains("Bestätigen: Fehlalarm");
        assertThat(api.store.alert(open.id()).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(api.kicks.get()).isZero();
    }

    @Test
    void postingAcknowledgesOnceAuditsItAndThenSaysTheLinkWasUsed() {
        HttpResponse<Buffer> first = call(HttpMethod.POST, path(Resolution.FALSE_POSITIVE));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.bodyAsString()).contains("Bestätigt als Fehlalarm");
        Alert after = api.store.alert(open.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(after.resolution()).isEqualTo(Resolution.FALSE_POSITIVE);
        assertThat(api.audit()).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("alert.acknowledged");
            assertThat(e.get("subject")).isEqualTo(open.channelId() + "/" + open.post().platformId());
            assertThat(e.get("data").toString()).contains(open.id()).contains("ack-link").contains("false_positive");
        });
        assertThat(api.outbox()).hasSize(1);
        assertThat(api.kicks.get()).isEqualTo(1);

        HttpResponse<Buffer> again = call(HttpMethod.POST, path(Resolution.FALSE_POSITIVE));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.bodyAsString()).contains("Dieser Link wurde bereits verwendet")
                .contains("acknowledged (Fehlalarm)");
        assertThat(call(HttpMethod.POST, path(Resolution.INCIDENT)).statusCode()).isEqualTo(409);
        assertThat(call(HttpMethod.GET, path(Resolution.INCIDENT)).statusCode()).isEqualTo(409);
        assertThat(api.outbox()).hasSize(1);
    }

    @Test
    void aForgedLinkIsRefusedAndAnExpiredOneSaysSo() {
        String forged = "/ack/" + new AckLinks("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII),
                "http://x", Duration.ofDays(1), clock).token(open.id(), Resolution.INCIDENT, ApiFixture.NOW.plusSeconds(60));
        assertThat(call(HttpMethod.POST, forged).statusCode()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/ack/nonsense").bodyAsString()).contains("Dieser Link ist ungültig");
        String expired = "/ack/" + links.token(open.id(), Resolution.INCIDENT, ApiFixture.NOW.minusSeconds(1));
        HttpResponse<Buffer> r = call(HttpMethod.POST, expired);
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.bodyAsString()).contains("abgelaufen");
        assertThat(api.store.alert(open.id()).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void aLinkToAnUnknownAlertIsNotFound() {
        String t = "/ack/" + links.token("a-0000000000000000", Resolution.INCIDENT, ApiFixture.NOW.plusSeconds(60));
        assertThat(call(HttpMethod.GET, t).statusCode()).isEqualTo(404);
    }
}
