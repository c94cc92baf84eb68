package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {
    private static final Instant NOW = Instant.parse("2016-01-08T05:31:00Z");
    private static final String SINK = "webhook sink of office sms-presse (https://alerts.example/hook)";

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void everySuccessStatusIsADelivery(int status) {
        assertThat(HttpFailures.forStatus(SINK, status, "OK", null, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504, 599})
    void timeoutTooEarlyThrottlingAndServerErrorsAreRetryable(int status) {
        DeliveryException e = HttpFailures.forStatus(SINK, status, null, null, NOW).orElseThrow();
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith(SINK + ": HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 301, 302, 307, 308, 400, 401, 403, 404, 410, 413, 422})
    void redirectsGoneAndOtherClientErrorsAreFinal(int status) {
        DeliveryException e = HttpFailures.forStatus(SINK, status, null, null, NOW).orElseThrow();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith(SINK + ": HTTP " + status);
    }

    @Test
    void retryAfterInSecondsBecomesTheRequestedWait() {
        DeliveryException e = HttpFailures.forStatus(SINK, 429, "Too Many Requests", "37", NOW).orElseThrow();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(37));
        assertThat(e.getMessage()).isEqualTo(SINK + ": HTTP 429 Too Many Requests, retry after 37 s");
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromNow() {
        assertThat(HttpFailures.parseRetryAfter("Fri, 08 Jan 2016 05:33:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpFailures.parseRetryAfter("Fri, 08 Jan 2016 05:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(HttpFailures.parseRetryAfter("soon", NOW)).isNull();
        assertThat(HttpFailures.parseRetryAfter(null, NOW)).isNull();
    }

    @Test
    void transportErrorsAreRetryableAndNamedWithoutTheExceptionText() {
        Duration t = Duration.ofSeconds(15);
        assertThat(HttpFailures.forTransport(SINK, new ConnectException("refused: /10.0.0.1:443?token=x"), t))
                .satisfies(e -> assertThat(e.retryable()).isTrue())
                .hasMessage(SINK + ": connection refused or unreachable");
        assertThat(HttpFailures.forTransport(SINK, new TimeoutException("POST /hook?token=x"), t))
                .hasMessage(SINK + ": no answer within 15000 ms");
        assertThat(HttpFailures.forTransport(SINK, new RuntimeException(new SSLHandshakeException("bad cert")), t))
                .hasMessage(SINK + ": TLS handshake or certificate error");
        assertThat(HttpFailures.forTransport(SINK, new java.net.SocketException("Connection reset"), t))
                .hasMessage(SINK + ": connection closed by the receiver before an answer");
    }

    @Test
    void aUrlIsPrintedWithoutUserInfoQueryOrFragment() {
        assertThat(HttpFailures.safeUrl("https://user:pw@alerts.example:8443/hook/x?token=abc#frag"))
                .isEqualTo("https://alerts.example:8443/hook/x");
        assertThat(HttpFailures.safeUrl("not a url")).isEqualTo("<invalid url>");
        assertThat(HttpFailures.sinkName("webhook", "sms-presse", "https://alerts.example/hook?token=abc"))
                .isEqualTo("webhook sink of office sms-presse (https://alerts.example/hook)");
    }
}
