package de.wachposten.platform;

/**
 * A platform's push channel for one watched channel (e.g. Mastodon's streaming API): a faster path than the poll
 * interval, never a replacement for it. An event only wakes the channel's poller early; the poll does the gapless
 * fetch, so an event lost while disconnected costs latency, never a post.
 *
 * <p>Failure contract: {@link #start} never throws and never fails the poller. A refused or dropped connection is
 * logged naming the channel and the cause (never a credential) and retried with backoff by the source itself until
 * {@link #stop}.
 */
public interface PushSource {

    /**
     * Connects and calls {@code wake} for every event that may mean a new, edited or deleted post. {@code wake} is
     * cheap and may be called from any thread; many calls in a row are coalesced by the poller.
     */
    void start(Runnable wake);

    /** Closes the connection and stops reconnecting. */
    void stop();
}
