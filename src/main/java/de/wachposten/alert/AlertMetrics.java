package de.wachposten.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert delivery metrics. Prometheus names (Micrometer adds {@code _total} and {@code _seconds}):
 * <ul>
 *   <li>{@code wachposten_alert_deliveries_total{sink, result}} — attempts by sink type and result
 *       ({@code delivered}, {@code retry}, {@code dead})</li>
 *   <li>{@code wachposten_dead_letters_total{sink}} — deliveries given up</li>
 *   <li>{@code wachposten_outbox_backlog} — outbox entries neither delivered nor dead</li>
 *   <li>{@code wachposten_time_to_alert_seconds{sink}} — histogram from the post's publication to the first successful
 *       delivery of its alert (revision 1), one observation per sink</li>
 * </ul>
 * Tags are bounded: {@code sink} is the sink type, never a URL or an alert id. {@link #registerSink(String)} creates
 * every series of a sink type with 0, so dashboards and alert rules see them from start-up.
 */
public final class AlertMetrics {
    /** Prefix of every meter name (Micrometer's dotted form). */
    public static final String PREFIX = "wachposten.";
    /** {@code result} tag values. */
    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    public static final String DEAD = "dead";

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();

    /** Registers the backlog gauge on {@code registry}. */
    public AlertMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder(PREFIX + "outbox.backlog", backlog, AtomicLong::get)
                .description("Alert deliveries waiting in the outbox (neither delivered nor dead)")
                .register(registry);
    }

    /** Creates every series of sink type {@code type} with value 0; idempotent. */
    public void registerSink(String type) {
        deliveries(type, DELIVERED);
        deliveries(type, RETRY);
        deliveries(type, DEAD);
        deadLetters(type);
        timeToAlert(type);
    }

    /** One attempt to {@code type} succeeded. */
    public void delivered(String type) {
        deliveries(type, DELIVERED).increment();
    }

    /** One attempt to {@code type} failed and will be retried. */
    public void retry(String type) {
        deliveries(type, RETRY).increment();
    }

    /** A delivery to {@code type} was given up. */
    public void dead(String type) {
        deliveries(type, DEAD).increment();
        deadLetters(type).increment();
    }

    /** Time from a post's publication to the first successful delivery of its alert to {@code type}. */
    public void timeToAlert(String type, Duration sincePublication) {
        timeToAlert(type).record(sincePublication.isNegative() ? Duration.ZERO : sincePublication);
    }

    /** Sets the outbox backlog. */
    public void backlog(long entries) {
        backlog.set(entries);
    }

    private Counter deliveries(String type, String result) {
        return Counter.builder(PREFIX + "alert.deliveries")
                .description("Alert delivery attempts by sink type and result (delivered, retry, dead)")
                .tag("sink", type)
                .tag("result", result)
                .register(registry);
    }

    private Counter deadLetters(String type) {
        return Counter.builder(PREFIX + "dead.letters")
                .description("Alert deliveries given up (not retryable, or older than the dead-letter age)")
                .tag("sink", type)
                .register(registry);
    }

    private Timer timeToAlert(String type) {
        return Timer.builder(PREFIX + "time.to.alert")
                .description("Time from a post's publication to the first successful delivery of its alert")
                .tag("sink", type)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }
}
