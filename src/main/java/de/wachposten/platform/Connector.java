package de.wachposten.platform;

import io.vertx.core.Future;

/**
 * Reads one channel of one platform. One instance per channel; the pipeline never runs two fetches of the same
 * instance at once.
 *
 * <p>Failure contract: the future fails with {@link PlatformException} whose reason classifies the failure and whose
 * message names the channel and the cause (never a credential). Anything else is treated as a bug and reported as
 * {@code malformed}.
 */
public interface Connector {

    /**
     * Fetches everything newer than {@code cursor}, paging until caught up (no gap).
     *
     * @param cursor the cursor persisted after the last successful fetch, or null on the channel's first poll; on the
     *               first poll the connector returns the most recent page (the channel's history) and a cursor
     * @param knownRecent platform ids of recent stored posts (newest first, at most a few dozen) that the connector
     *               may re-check for edits and deletions; may be empty
     */
    Future<FetchResult> fetch(String cursor, java.util.List<String> knownRecent);

    /**
     * The push source of this channel, or null when the platform (or this channel's settings) offers none; the
     * channel is then only polled. Called once, before the first poll.
     */
    default PushSource push() {
        return null;
    }
}
