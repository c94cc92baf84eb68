package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInLimiterTest {
    private final MutableClock clock = MutableClock.at("2016-01-08T05:30:00Z");
    private final SignInLimiter limiter = new SignInLimiter(clock);

    @Test
    void tenFailuresWithinTheWindowRefuseTheAddressUntilTheWindowEnds() {
        for (int i = 0; i < SignInLimiter.MAX_FAILURES - 1; i++) {
            limiter.failed("192.0.2.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(limiter.refusedFor("192.0.2.1")).as("nine failures").isEmpty();

        limiter.failed("192.0.2.1");

        assertThat(limiter.refusedFor("192.0.2.1")).contains(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(6).minusSeconds(1));
        assertThat(limiter.refusedFor("192.0.2.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.refusedFor("192.0.2.1")).isEmpty();
        limiter.failed("192.0.2.1");
        assertThat(limiter.refusedFor("192.0.2.1")).as("a new window counts from one").isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAddUp() {
        for (int i = 0; i < 3 * SignInLimiter.MAX_FAILURES; i++) {
            limiter.failed("192.0.2.1");
            clock.advance(SignInLimiter.WINDOW.dividedBy(SignInLimiter.MAX_FAILURES - 1));
        }

        assertThat(limiter.refusedFor("192.0.2.1")).isEmpty();
    }

    @Test
    void anotherAddressIsNeverRefusedForTheFailuresOfOne() {
        for (int i = 0; i < 5 * SignInLimiter.MAX_FAILURES; i++) {
            limiter.failed("192.0.2.1");
        }

        assertThat(limiter.refusedFor("192.0.2.1")).isPresent();
        assertThat(limiter.refusedFor("192.0.2.2")).isEmpty();
        assertThat(limiter.refusedFor("2001:db8::1")).isEmpty();
    }

    @Test
    void theMemoryIsBoundedForgettingTheOldestWindowsFirst() {
        SignInLimiter small = new SignInLimiter(clock, 100);
        for (int i = 0; i < SignInLimiter.MAX_FAILURES; i++) {
            small.failed("198.51.100.1");
        }
        for (int i = 0; i < 10_000; i++) {
            small.failed("10.0." + (i / 256) + "." + (i % 256));
            assertThat(small.size()).isLessThanOrEqualTo(100);
        }

        assertThat(small.size()).isEqualTo(100);
        assertThat(small.refusedFor("198.51.100.1")).as("the oldest window went first").isEmpty();
        for (int i = 0; i < SignInLimiter.MAX_FAILURES; i++) {
            small.failed("10.0.39.15");
        }
        assertThat(small.refusedFor("10.0.39.15")).as("the newest address is still counted").isPresent();
    }

    @Test
    void endedWindowsAreForgottenWhenNewOnesBegin() {
        for (int i = 0; i < 50; i++) {
            limiter.failed("10.0.0." + i);
        }
        clock.advance(SignInLimiter.WINDOW);

        limiter.failed("10.0.1.1");

        assertThat(limiter.size()).isEqualTo(1);
    }
}
