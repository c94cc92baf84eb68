/**
 * Alerting: the {@link de.wachposten.alert.Notifier} SPI, the durable outbox that retries deliveries, and the alert's
 * JSON form. One subpackage per sink type ({@code alert.webhook}, …), each importing only this package, {@code model}
 * and {@code config}.
 *
 * <p>Data enters as outbox rows that the store writes together with a new alert revision. The
 * {@link de.wachposten.alert.Outbox} picks them up, hands each to the notifier of its sink key, and decides in one
 * place ({@code OutboxDecision}, after {@link de.wachposten.alert.RetryPolicy}) whether a failure is retried or
 * becomes a dead letter. HTTP-based sinks classify their answers with {@link de.wachposten.alert.HttpFailures};
 * {@link de.wachposten.alert.AlertMetrics} owns the delivery metrics.
 */
package de.wachposten.alert;
