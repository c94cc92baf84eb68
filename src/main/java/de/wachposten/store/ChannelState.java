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
 */
public record ChannelState(String channelId, String cursor, Instant lastPollAt, Instant lastSuccessAt, String lastError,
                           long postsSeen) {

    public static ChannelState empty(String channelId) {
        return new ChannelState(channelId, null, null, null, null, 0);
    }

    /** True before the first successful poll: the next poll reads the channel's history. */
    public boolean firstPoll() {
        return cursor == null;
    }
}
