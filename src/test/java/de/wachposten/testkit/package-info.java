/**
 * Shared test kit: fakes and fixtures reused across packages and by the end-to-end tests — a mutable clock, an
 * in-memory outbox store, a Standard Webhooks receiver, sample alerts and a log capture.
 */
package de.wachposten.testkit;
