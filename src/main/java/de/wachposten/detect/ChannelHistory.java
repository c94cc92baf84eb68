package de.wachposten.detect;

import java.time.DayOfWeek;
import java.time.Instant;

/**
 * What a channel's own past tells about it: how often it used a client, a language, a link domain or a mention, and
 * at which hours of the week it posted. Read-only for detectors; the pipeline keeps it up to date.
 * Implementations are thread-safe.
 */
public interface ChannelHistory {

    /** A feature of a post whose values the history counts. */
    enum Feature { CLIENT, LANGUAGE, LINK_DOMAIN, MENTION }

    /** Posts learned so far. */
    int posts();

    /** Learned posts whose {@code feature} had {@code value} (values compared case-insensitively). */
    int count(Feature feature, String value);

    /** Learned posts published (in the policy's zone) on {@code day} in the hour starting at {@code hour}. */
    int hourCount(DayOfWeek day, int hour);

    /** Learned posts published in [{@code from}, {@code to}) among the most recent ones kept for burst checks. */
    int postsBetween(Instant from, Instant to);

    /** The most posts the channel published within one burst window so far (its usual peak). */
    int usualPeak();

    /** A history that knows nothing (channels without a profile, tests). */
    ChannelHistory EMPTY = new ChannelHistory() {
        @Override
        public int posts() {
            return 0;
        }

        @Override
        public int count(Feature feature, String value) {
            return 0;
        }

        @Override
        public int hourCount(DayOfWeek day, int hour) {
            return 0;
        }

        @Override
        public int postsBetween(Instant from, Instant to) {
            return 0;
        }

        @Override
        public int usualPeak() {
            return 0;
        }
    };
}
