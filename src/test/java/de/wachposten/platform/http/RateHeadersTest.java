package de.wachposten.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateHeadersTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void mastodonsResetIsAnIsoTimestampWithMicroseconds() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-RateLimit-Limit", "300")
                .add("X-RateLimit-Remaining", "7")
                .add("X-RateLimit-Reset", "2026-03-02T10:05:00.123456Z");

        RateHeaders.State state = RateHeaders.MASTODON.read(headers);

        assertThat(state).isEqualTo(new RateHeaders.State(300, 7, Instant.parse("2026-03-02T10:05:00.123456Z")));
    }

    @Test
    void retryAfterInSecondsWinsOverTheReset() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Retry-After", "37")
                .add("X-RateLimit-Reset", "2026-03-02T10:05:00.000000Z");

        assertThat(RateHeaders.MASTODON.retryAfter(headers, NOW)).isEqualTo(Duration.ofSeconds(37));
    }

    @Test
    void withoutRetryAfterTheWaitLastsUntilTheResetAndAtLeastOneSecond() {
        MultiMap later = MultiMap.caseInsensitiveMultiMap().add("x-ratelimit-reset", "2026-03-02T10:02:00Z");
        MultiMap past = MultiMap.caseInsensitiveMultiMap().add("X-RateLimit-Reset", "2026-03-02T09:59:00.5Z");

        assertThat(RateHeaders.MASTODON.retryAfter(later, NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RateHeaders.MASTODON.retryAfter(past, NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aResponseWithoutRateLimitSignalsAsksForNoWait() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Retry-After", "soon");

        assertThat(RateHeaders.MASTODON.retryAfter(headers, NOW)).isNull();
        assertThat(RateHeaders.MASTODON.read(headers).known()).isFalse();
    }
}
