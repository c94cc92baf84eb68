/**
 * The Bluesky AppView part of the platform simulator (README, Bluesky): {@code app.bsky.feed.getAuthorFeed} newest
 * first with an opaque backwards cursor, {@code app.bsky.feed.getPosts} (missing posts are absent),
 * {@code app.bsky.actor.getProfile}, XRPC error bodies and {@code RateLimit-*} headers, and Jetstream's
 * {@code /subscribe} WebSocket ({@link de.wachposten.simulator.bluesky.JetstreamEndpoint}). Scripted through
 * {@link de.wachposten.simulator.bluesky.BlueskySimulator}.
 */
package de.wachposten.simulator.bluesky;
