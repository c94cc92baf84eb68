/**
 * The pipeline: per-channel pollers fetch from connectors; {@link de.wachposten.pipeline.Pipeline} stores each poll
 * with its cursor, then {@link de.wachposten.pipeline.Evaluator} turns each new stored version into a
 * {@link de.wachposten.detect.Event}, runs the detectors that handle its kind and commits findings, the alert and its
 * outbox entries together. Owns scheduling, ordering and the archive entries of account events, no business rule.
 * Besides polled posts, two kinds of entries enter here: profile revisions
 * ({@link de.wachposten.pipeline.ProfileChanges}, during a poll) and overdue credential rotations
 * ({@link de.wachposten.pipeline.OverdueCredentials}, checked by the daemon each minute); the store keeps their kind.
 */
package de.wachposten.pipeline;
