package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    /** Always draws the upper bound, so the jittered wait equals its ceiling. */
    static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void theDefaultsAreOneSecondTimesTwoUpToFiveMinutesAndGiveUpAfterADay() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.deadLetterAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theBackoffCeilingDoublesPerAttemptUntilTheMaximum() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.backoff(1, HIGHEST)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(2, HIGHEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(3, HIGHEST)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.backoff(9, HIGHEST)).isEqualTo(Duration.ofSeconds(256));
        assertThat(p.backoff(10, HIGHEST)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.backoff(10_000, HIGHEST)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fullJitterDrawsBetweenZeroAndTheCeiling() {
        RandomGenerator rnd = RandomGenerator.of("L64X128MixRandom");
        for (int attempt = 1; attempt < 20; attempt++) {
            Duration ceiling = RetryPolicy.DEFAULT.ceiling(attempt);
            for (int i = 0; i < 100; i++) {
                assertThat(RetryPolicy.DEFAULT.backoff(attempt, rnd)).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void aLongerRetryAfterWinsButNeverBeyondTheDeadLetterAge() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.nextWait(1, Duration.ofSeconds(120), HIGHEST)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.nextWait(3, Duration.ofSeconds(1), HIGHEST)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.nextWait(1, Duration.ofDays(30), HIGHEST)).isEqualTo(Duration.ofHours(24));
        assertThat(p.nextWait(1, null, HIGHEST)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(5), 2, Duration.ofHours(1)))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(6), Duration.ofMinutes(5), 2, Duration.ofHours(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.5, Duration.ofHours(1)))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 2, Duration.ZERO))
                .hasMessageContaining("deadLetterAfter");
    }
}
