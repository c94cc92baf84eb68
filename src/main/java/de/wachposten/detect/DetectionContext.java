package de.wachposten.detect;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What detectors may look at besides the post.
 *
 * @param channel       the channel and its resolved policy
 * @param now           the current time (from the daemon's clock)
 * @param openApprovals unrevoked, unconsumed approvals of the channel
 * @param version       the version number of the post being checked (1 = first seen)
 * @param messages      the explanation texts in the owning office's language
 * @param history       what the channel's own past posts tell (learned before this post)
 */
public record DetectionContext(ChannelConfig channel, Instant now, List<Approval> openApprovals, int version,
                               Messages messages, ChannelHistory history) {
    public DetectionContext {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        openApprovals = List.copyOf(openApprovals);
        messages = messages == null ? Messages.of("de") : messages;
        history = history == null ? ChannelHistory.EMPTY : history;
    }

    /** A context with German texts and an empty history. */
    public DetectionContext(ChannelConfig channel, Instant now, List<Approval> openApprovals, int version) {
        this(channel, now, openApprovals, version, Messages.of("de"), ChannelHistory.EMPTY);
    }
}
