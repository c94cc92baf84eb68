package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.TestAlerts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every sink's {@link Notifier} must do (STYLE.md lessons 2, 9, 14): one attempt per call, failures classified
 * as retryable or not, the sink named in every message, and no secret in any message or log line. A sink's test
 * extends this class and maps the neutral situations below onto its protocol (for HTTP: 503, 429, 400, a hanging
 * server, a closed port). Subclasses set up their fixture in their own {@code @BeforeEach}, using {@link #vertx}.
 */
public abstract class NotifierContract {
    /** Created before each test, closed after it. */
    protected Vertx vertx;
    private LogCapture logs;
    private final List<Throwable> failures = new ArrayList<>();

    /** The notifier under test, aimed at the fixture, with {@code timeout} per attempt. */
    protected abstract Notifier notifier(Duration timeout);

    /** A notifier aimed at an address where nothing listens (connection refused). */
    protected abstract Notifier notifierForUnreachableSink();

    /** The next {@code times} attempts meet a temporary failure (HTTP: 503). */
    protected abstract void sinkFailsTemporarily(int times);

    /** The next attempt is throttled and told to wait {@code retryAfter} (HTTP: 429 with Retry-After). */
    protected abstract void sinkThrottles(Duration retryAfter);

    /** The next attempt is rejected for good (HTTP: 400). */
    protected abstract void sinkRejects();

    /** The next attempt gets no answer at all. */
    protected abstract void sinkHangs();

    /** How many messages the fixture accepted. */
    protected abstract int acceptedCount();

    /** Text every failure message must contain, naming the sink (e.g. its office). */
    protected abstract String sinkNamedAs();

    /** Every secret value of the fixture (signing keys, tokens, passwords, URL query tokens). */
    protected abstract List<String> secrets();

    /** Whether the protocol can carry a requested wait (Retry-After). */
    protected boolean supportsRetryAfter() {
        return true;
    }

    @BeforeEach
    final void startContract() {
        vertx = Vertx.vertx();
        logs = LogCapture.capture();
    }

    @AfterEach
    final void checkNoSecretLeaked() throws Exception {
        try {
            for (String secret : secrets()) {
                assertThat(logs.text()).as("log output").doesNotContain(secret);
                for (Throwable f : failures) {
                    for (Throwable t = f; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).as("failure message").doesNotContain(secret);
                        assertThat(t.toString()).as("failure").doesNotContain(secret);
                    }
                }
            }
        } finally {
            logs.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** The sample alert the contract sends. */
    protected Alert alert() {
        return TestAlerts.alert("686167854231101440");
    }

    /** Waits for one attempt and returns it as a DeliveryException, or null when it succeeded. */
    protected DeliveryException attempt(Notifier n) throws Exception {
        Future<Void> f = n.send(alert(), 1);
        try {
            f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            failures.add(e.getCause());
            assertThat(e.getCause()).isInstanceOf(DeliveryException.class);
            return (DeliveryException) e.getCause();
        }
    }

    /** One failed attempt of a contract test: a DeliveryException whose message names the sink. */
    private DeliveryException failedAttempt(Notifier n) throws Exception {
        DeliveryException e = attempt(n);
        assertThat(e).as("the attempt should fail").isNotNull();
        assertThat(e.getMessage()).contains(sinkNamedAs());
        return e;
    }

    @Test
    void deliversToAnAcceptingSink() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        assertThat(acceptedCount()).isEqualTo(1);
    }

    @Test
    void aTemporaryFailureIsRetryable() throws Exception {
        sinkFailsTemporarily(1);
        DeliveryException e = failedAttempt(notifier(Duration.ofSeconds(15)));
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void throttlingIsRetryableAndCarriesTheRequestedWait() throws Exception {
        sinkThrottles(Duration.ofSeconds(37));
        DeliveryException e = failedAttempt(notifier(Duration.ofSeconds(15)));
        assertThat(e.retryable()).isTrue();
        if (supportsRetryAfter()) {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(37));
        }
    }

    @Test
    void aRejectionIsNotRetryable() throws Exception {
        sinkRejects();
        DeliveryException e = failedAttempt(notifier(Duration.ofSeconds(15)));
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        DeliveryException e = failedAttempt(notifierForUnreachableSink());
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aSinkThatDoesNotAnswerTimesOutAsRetryable() throws Exception {
        sinkHangs();
        DeliveryException e = failedAttempt(notifier(Duration.ofMillis(300)));
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aFailingSinkThenAnAcceptingOneDeliversOnTheSecondAttempt() throws Exception {
        sinkFailsTemporarily(1);
        Notifier n = notifier(Duration.ofSeconds(15));
        failedAttempt(n);
        assertThat(attempt(n)).isNull();
        assertThat(acceptedCount()).isEqualTo(1);
    }
}
