/**
 * The Bluesky connector: the public AppView's {@code app.bsky.feed.getAuthorFeed} read newest first with its
 * backwards cursor until the last seen post is reached, deletions and record rewrites ({@code cid} changes) from
 * {@code app.bsky.feed.getPosts}, the profile from {@code app.bsky.actor.getProfile}, and {@code RateLimit-*} headers.
 * Optionally Jetstream's WebSocket ({@code jetstream_url}) as a push source whose frames only wake the poller.
 * No credentials; Bluesky has no posting-client field, so posts carry {@code client = null}.
 */
package de.wachposten.platform.bluesky;
