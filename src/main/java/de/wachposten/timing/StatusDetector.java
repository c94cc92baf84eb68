package de.wachposten.timing;

import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.PostDetector;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.LocalDate;

/**
 * Raises {@code dormant_channel} for any post on a channel whose status is {@code dormant}, and for posts on a
 * time-limited channel published after its end date (in the policy's time zone).
 */
public final class StatusDetector extends PostDetector {

    public StatusDetector() {
        super("status");
    }

    @Override
    protected void check(Post post, DetectionContext ctx, Findings out) {
        Policy policy = ctx.channel().policy();
        ChannelStatus status = policy.status();
        if (status.kind() == ChannelStatus.Kind.ACTIVE) {
            return;
        }
        if (status.kind() == ChannelStatus.Kind.DORMANT) {
            out.add(Finding.of(ReasonCode.DORMANT_CHANNEL, ReasonCode.DORMANT_CHANNEL.defaultSeverity(),
                    ctx.messages().text("status.dormant")));
            return;
        }
        LocalDate day = post.publishedAt().atZone(policy.timezone()).toLocalDate();
        if (day.isAfter(status.until())) {
            out.add(Finding.of(ReasonCode.DORMANT_CHANNEL, ReasonCode.DORMANT_CHANNEL.defaultSeverity(),
                    ctx.messages().text("status.ended", status.until(), day)));
        }
    }
}
