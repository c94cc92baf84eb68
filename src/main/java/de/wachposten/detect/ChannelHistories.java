package de.wachposten.detect;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Post;

/**
 * The learned histories of all channels, as the pipeline sees them: it asks for a channel's history before running
 * the detectors on a new post, and lets the history learn the post afterwards.
 *
 * <p>Failure contract: {@link #before} may block (it may load the channel's past from the store on first use) and
 * must be called off the event loop; it throws what the loader throws, and the pipeline then runs the detectors with
 * {@link ChannelHistory#EMPTY}.
 */
public interface ChannelHistories {

    /** The history of {@code channel} as it was before {@code post}. */
    ChannelHistory before(ChannelConfig channel, Post post);

    /** Adds a first-seen post to its channel's history (a post already learned is ignored). */
    void learn(ChannelConfig channel, Post post);

    /** Histories that know nothing and learn nothing. */
    ChannelHistories NONE = new ChannelHistories() {
        @Override
        public ChannelHistory before(ChannelConfig channel, Post post) {
            return ChannelHistory.EMPTY;
        }

        @Override
        public void learn(ChannelConfig channel, Post post) {
        }
    };
}
