package de.wachposten.store;

import java.time.Instant;

/**
 * One outbox entry: alert {@code alertId} in {@code revision} to the sink {@code sinkKey}.
 *
 * @param id            row id
 * @param alertId       alert id
 * @param revision      the alert revision to deliver
 * @param sinkKey       {@code SinkConfig.key()} of the target
 * @param attempts      attempts made so far
 * @param createdAt     when the entry was enqueued
 * @param nextAttemptAt when it is due
 * @param lastError     error of the last attempt, or null
 */
public record Delivery(long id, String alertId, int revision, String sinkKey, int attempts, Instant createdAt,
                       Instant nextAttemptAt, String lastError) {}
