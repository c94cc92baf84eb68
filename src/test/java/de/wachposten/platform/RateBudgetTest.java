package de.wachposten.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rate windows shared per credential and endpoint. */
class RateBudgetTest {
    private static final Instant T = Instant.parse("2026-01-08T05:30:00Z");

    @Test
    void anUnknownWindowLetsEveryRequestGo() {
        assertThat(new RateBudget(1).acquire(RateBudget.key("tok", "timeline"), T)).isNull();
    }

    @Test
    void requestsCountDownToTheReserveThenWaitForTheReset() {
        RateBudget budget = new RateBudget(1);
        String key = RateBudget.key("tok", "timeline");
        budget.observe(key, 3, T.plusSeconds(90));

        assertThat(budget.acquire(key, T)).isNull();
        assertThat(budget.acquire(key, T)).isNull();
        assertThat(budget.acquire(key, T)).isEqualTo(Duration.ofSeconds(90));
        assertThat(budget.acquire(key, T.plusSeconds(90))).isNull();
    }

    @Test
    void anExhaustedWindowHoldsBackEveryChannelWithTheSameCredentialOnly() {
        RateBudget budget = new RateBudget(0);
        budget.exhausted(RateBudget.key("tok", "timeline"), T.plusSeconds(37));

        assertThat(budget.acquire(RateBudget.key("tok", "timeline"), T)).isEqualTo(Duration.ofSeconds(37));
        assertThat(budget.acquire(RateBudget.key("other", "timeline"), T)).isNull();
        assertThat(budget.acquire(RateBudget.key("tok", "lookup"), T)).isNull();
    }

    @Test
    void instancesSharingACredentialTogetherSpendNoMoreThanTheWindowLeaves() {
        RateBudget first = new RateBudget(1);
        RateBudget second = new RateBudget(1);
        RateBudget third = new RateBudget(1);
        String key = RateBudget.key("tok", "timeline");
        int sent = 0;
        for (RateBudget instance : java.util.List.of(first, second, third)) {
            instance.observe(key, 10, T.plusSeconds(90), 3);
            while (instance.acquire(key, T) == null) {
                sent++;
            }
        }
        assertThat(sent).as("(10 - reserve 1) / 3 instances, 3 each").isEqualTo(9);
        assertThat(first.acquire(key, T)).isEqualTo(Duration.ofSeconds(90));

        first.observe(key, 4, T.plusSeconds(90), 1);
        assertThat(first.acquire(key, T)).as("alone again: the whole rest but the reserve").isNull();
    }

    @Test
    void keysNeverContainTheCredential() {
        assertThat(RateBudget.key("tok-7f3a9c1e-secret", "timeline")).doesNotContain("tok-7f3a9c1e-secret")
                .endsWith(" timeline").hasSize(16 + 1 + "timeline".length());
        assertThat(RateBudget.key(null, "feed")).isEqualTo("anonymous feed");
    }
}
