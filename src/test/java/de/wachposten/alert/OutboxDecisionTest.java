package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.OutboxDecision.Kind;
import de.wachposten.store.Delivery;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxDecisionTest {
    private static final Instant CREATED = Instant.parse("2016-01-08T05:31:00Z");
    private static final Delivery THIRD_TRY = new Delivery(7, "a-1", 1, "sms-presse#0:webhook", 2, CREATED, CREATED, "x");

    @Test
    void aRetryableFailureIsRetriedAfterTheBackoffOfTheAttemptsMadeSoFar() {
        Instant now = CREATED.plusSeconds(10);
        OutboxDecision d = OutboxDecision.afterFailure(THIRD_TRY, new DeliveryException("HTTP 503", true), now,
                RetryPolicy.DEFAULT, RetryPolicyTest.HIGHEST);
        assertThat(d.kind()).isEqualTo(Kind.RETRY);
        assertThat(d.nextAttemptAt()).isEqualTo(now.plusSeconds(4));
        assertThat(d.reason()).isEqualTo("HTTP 503");
    }

    @Test
    void aFinalFailureIsADeadLetterAtOnce() {
        OutboxDecision d = OutboxDecision.afterFailure(THIRD_TRY, new DeliveryException("HTTP 400", false),
                CREATED.plusSeconds(1), RetryPolicy.DEFAULT, RetryPolicyTest.HIGHEST);
        assertThat(d.kind()).isEqualTo(Kind.DEAD);
        assertThat(d.reason()).isEqualTo("HTTP 400");
    }

    @Test
    void aRetryableFailureAtTheDeadLetterAgeIsADeadLetter() {
        OutboxDecision d = OutboxDecision.afterFailure(THIRD_TRY, new DeliveryException("HTTP 503", true),
                CREATED.plus(Duration.ofHours(24)), RetryPolicy.DEFAULT, RetryPolicyTest.HIGHEST);
        assertThat(d.kind()).isEqualTo(Kind.DEAD);
        assertThat(d.reason()).isEqualTo("gave up after 3 attempts in 1d 0h 0m 0s (dead-letter age 1d 0h 0m 0s); "
                + "last error: HTTP 503");
    }

    @Test
    void anUnclassifiedNotifierFailureIsRetryableAndNamesTheSinkButNotTheExceptionText() {
        OutboxDecision d = OutboxDecision.afterFailure(THIRD_TRY, new IllegalStateException("token=abc"),
                CREATED.plusSeconds(1), RetryPolicy.DEFAULT, RetryPolicyTest.HIGHEST);
        assertThat(d.kind()).isEqualTo(Kind.RETRY);
        assertThat(d.reason()).isEqualTo("sink sms-presse#0:webhook: the notifier failed without a classification "
                + "(IllegalStateException)");
    }

    @Test
    void durationsPrintInDaysHoursMinutesAndSeconds() {
        assertThat(OutboxDecision.human(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(OutboxDecision.human(Duration.ofSeconds(61))).isEqualTo("1m 1s");
        assertThat(OutboxDecision.human(Duration.ofMinutes(61))).isEqualTo("1h 1m 0s");
    }

    @Test
    void theSinkTypeIsTakenFromTheSinkKey() {
        assertThat(Outbox.typeOf("sms-presse#2:email")).isEqualTo("email");
        assertThat(Outbox.typeOf("weird")).isEqualTo("unknown");
    }
}
