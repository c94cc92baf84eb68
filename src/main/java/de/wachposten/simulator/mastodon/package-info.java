/**
 * The Mastodon part of the platform simulator: the REST routes a connector polls ({@code accounts/lookup},
 * {@code accounts/:id}, {@code accounts/:id/statuses} with exact {@code max_id}/{@code since_id}/{@code min_id}
 * semantics, {@code statuses/:id}, {@code statuses/:id/history}) in Mastodon's wire format, and a thread-safe Java
 * scripting API ({@link de.wachposten.simulator.mastodon.MastodonSimulator}) to publish, edit, delete and boost.
 */
package de.wachposten.simulator.mastodon;
