package de.wachposten.detect;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What detectors may look at besides the event.
 *
 * @param channel       the channel and its resolved policy
 * @param now           the current time (from the daemon's clock)
 * @param openApprovals unrevoked, unconsumed approvals of the channel (loaded for published posts only)
 * @param rotations     the channel's credential rotation tasks, open and closed
 * @param messages      the explanation texts in the owning office's language
 * @param history       what the channel's own past posts tell (learned before this post; empty but for published posts)
 */
public record DetectionContext(ChannelConfig channel, Instant now, List<Approval> openApprovals,
                               List<OwedRotation> rotations, Messages messages, ChannelHistory history) {
    public DetectionContext {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        openApprovals = List.copyOf(openApprovals);
        rotations = List.copyOf(rotations);
        messages = messages == null ? Messages.of("de") : messages;
        history = history == null ? ChannelHistory.EMPTY : history;
    }

    /** A context without rotation tasks. */
    public DetectionContext(ChannelConfig channel, Instant now, List<Approval> openApprovals, Messages messages,
                            ChannelHistory history) {
        this(channel, now, openApprovals, List.of(), messages, history);
    }

    /** A context with German texts, an empty history and no rotation tasks. */
    public DetectionContext(ChannelConfig channel, Instant now, List<Approval> openApprovals) {
        this(channel, now, openApprovals, List.of(), Messages.of("de"), ChannelHistory.EMPTY);
    }
}
