package de.wachposten.platform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Meta's timestamps and usage headers as Meta documents them (README, Platforms: Meta rate limits). */
class GraphHeadersTest {

    @Test
    void metaTimestampsWithoutColonInTheOffsetAreRead() {
        assertThat(GraphTime.parse("2019-05-17T16:24:04+0000")).isEqualTo(Instant.parse("2019-05-17T16:24:04Z"));
        assertThat(GraphTime.parse("2016-01-08T06:30:00+0100")).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
        assertThat(GraphTime.parse("2016-01-08T05:30:00Z")).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
        assertThat(GraphTime.parse("gestern")).isNull();
        assertThat(GraphTime.format(Instant.parse("2019-05-17T16:24:04Z"))).isEqualTo("2019-05-17T16:24:04+0000");
    }

    @Test
    void businessUseCaseUsageGivesTheHighestPercentageAndTheMinutesToRegainAccess() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Business-Use-Case-Usage", "{\"104000000000000\":[{\"type\":\"pages\",\"call_count\":2,"
                        + "\"total_cputime\":96,\"total_time\":1,\"estimated_time_to_regain_access\":19}]}")
                .add("X-App-Usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}");

        GraphUsage usage = GraphUsage.of(headers);

        assertThat(usage.percent()).isEqualTo(96);
        assertThat(usage.minDelay()).isEqualTo(Duration.ofMinutes(19));
    }

    @Test
    void highAppUsageWithoutAnEstimateWaitsFiveMinutesAndLowUsageNotAtAll() {
        MultiMap high = MultiMap.caseInsensitiveMultiMap().add("X-App-Usage", "{\"call_count\":93}");
        MultiMap low = MultiMap.caseInsensitiveMultiMap().add("X-App-Usage", "{\"call_count\":12}");
        MultiMap garbage = MultiMap.caseInsensitiveMultiMap().add("X-App-Usage", "{not json");

        assertThat(GraphUsage.of(high).minDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(GraphUsage.of(low).minDelay()).isNull();
        assertThat(GraphUsage.of(garbage).minDelay()).isNull();
    }

    @Test
    void aBlockedTokenStaysBlockedUntilTheTimeAndOnlyThatToken() {
        GraphBudget budget = new GraphBudget();
        Instant now = Instant.parse("2026-01-08T05:30:00Z");
        budget.block("token-a", now.plusSeconds(60));

        assertThat(budget.blockedUntil("token-a", now)).isEqualTo(now.plusSeconds(60));
        assertThat(budget.blockedUntil("token-b", now)).isNull();
        assertThat(budget.blockedUntil("token-a", now.plusSeconds(61))).isNull();
    }
}
