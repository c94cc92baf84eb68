/**
 * The Mastodon connector. Data enters through {@link de.wachposten.platform.mastodon.MastodonConnector}: it resolves
 * the configured account once ({@code /api/v1/accounts/lookup}), pages forward through
 * {@code /api/v1/accounts/:id/statuses} with {@code min_id} so no status is skipped, re-reads the newest page to find
 * edits and deletions of recent posts, and maps each status to a {@link de.wachposten.model.Post}
 * ({@link de.wachposten.platform.mastodon.MastodonStatusMapper}, {@link de.wachposten.platform.mastodon.MastodonText}).
 * HTTP details (body limit, timeout, error classification, Mastodon's {@code X-RateLimit-*} headers) are the shared
 * {@link de.wachposten.platform.http.JsonGet}. Imports only the platform SPI, {@code platform.http}, {@code model} and
 * {@code config}.
 */
package de.wachposten.platform.mastodon;
