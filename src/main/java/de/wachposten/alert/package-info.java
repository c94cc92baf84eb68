/**
 * Alerting: the {@link de.wachposten.alert.Notifier} SPI, the durable outbox that retries deliveries, and the alert's
 * JSON form. One subpackage per sink type ({@code alert.webhook}, …), each importing only this package, {@code model}
 * and {@code config}.
 */
package de.wachposten.alert;
