/**
 * The pipeline: per-channel pollers fetch from connectors; {@link de.wachposten.pipeline.Pipeline} stores each poll
 * with its cursor, then {@link de.wachposten.pipeline.Evaluator} runs the detectors and commits findings, the alert and
 * its outbox entries together. Owns scheduling and ordering, no business rule.
 */
package de.wachposten.pipeline;
