/**
 * The pipeline: per-channel pollers fetch from connectors; {@link de.wachposten.pipeline.Pipeline} stores each poll
 * with its cursor, then {@link de.wachposten.pipeline.Evaluator} runs the detectors and commits findings, the alert and
 * its outbox entries together. Owns scheduling and ordering, no business rule. Besides polled posts, two kinds of
 * synthetic posts enter here: profile changes ({@link de.wachposten.pipeline.ProfileChanges}, during a poll) and
 * overdue credential rotations ({@link de.wachposten.pipeline.OverdueCredentials}, checked by the daemon each minute).
 */
package de.wachposten.pipeline;
