package de.wachposten.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the learned-profile check ({@code unusual_behaviour}), policy key {@code behaviour}.
 *
 * @param minPosts    posts a channel must have before its profile raises anything (cold start); default 50
 * @param threshold   weighted departure score, 0..1, from which a post is unusual; default 0.5
 * @param minFeatures how many features must depart (score at least 0.5) together; default 2
 * @param burstPosts  posts within {@code burstWithin} that make a burst, if above the channel's usual peak; default 5
 * @param burstWithin the burst window; default 10 minutes
 */
public record BehaviourSettings(int minPosts, double threshold, int minFeatures, int burstPosts, Duration burstWithin) {

    /** The documented defaults. */
    public static final BehaviourSettings DEFAULTS = new BehaviourSettings(50, 0.5, 2, 5, Duration.ofMinutes(10));

    public BehaviourSettings {
        Objects.requireNonNull(burstWithin, "burstWithin");
        if (minPosts < 0 || threshold <= 0 || threshold > 1 || minFeatures < 1 || burstPosts < 2
                || burstWithin.isNegative() || burstWithin.isZero()) {
            throw new IllegalArgumentException("bad behaviour settings " + minPosts + "/" + threshold + "/"
                    + minFeatures + "/" + burstPosts + "/" + burstWithin);
        }
    }
}
