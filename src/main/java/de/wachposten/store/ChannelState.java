package de.wachposten.store;

import java.time.Instant;

/**
 * What the store knows about polling one channel.
 *
 * @param channelId     channel id
 * @param cursor        the persisted platform cursor, or null before the first successful poll
 * @param lastPollAt    last poll attempt, or null
 * @param lastSuccessAt last successful poll, or null
 * @param lastError     message of the last failed poll (cleared by a success), or null
 * @param postsSeen     number of distinct posts stored for the channel
 * @param watchedSince  when polling the channel first began (its first poller started), or null before that: the
 *                      first successful poll archives what was published before it and evaluates what came after
 */
public record ChannelState(String channelId, String cursor, Instant lastPollAt, Instant lastSuccessAt, String lastError,
                           long postsSeen, Instant watchedSince) {

    public ChannelState(String channelId, String cursor, Instant lastPollAt, Instant lastSuccessAt, String lastError,
                        long postsSeen) {
        this(channelId, cursor, lastPollAt, lastSuccessAt, lastError, postsSeen, null);
    }

    public static ChannelState empty(String channelId) {
        return new ChannelState(channelId, null, null, null, null, 0, null);
    }

    /** True before the first successful poll: the next poll reads the channel's history. */
    public boolean firstPoll() {
        return cursor == null;
    }
}
