package de.wachposten.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconnect delays of the Jetstream source. */
class BackoffTest {
    @Test
    void startsAtOneSecondAndDoublesUpToSixtySeconds() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            seconds.add(b.next().toSeconds());
        }

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aResetStartsOverAtTheFirstDelay() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        b.next();
        b.next();
        b.next();
        b.reset();

        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rejectsAMaximumBelowTheFirstDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("backoff needs 0 < first <= max, not PT2S and PT1S");
    }
}
