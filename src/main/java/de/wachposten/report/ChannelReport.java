package de.wachposten.report;

import de.wachposten.model.Approval;
import de.wachposten.store.StoredPost;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The review of one channel over {@code [from, to)}: immutable, built by {@link ReportBuilder}.
 *
 * @param channelId   the channel's id
 * @param channelName its display name (the id when none is configured)
 * @param platform    platform name
 * @param account     the account watched
 * @param officeId    the press office alerted
 * @param policy      the channel's safeguards in words (approval, hours, status, clients)
 * @param zone        the channel policy's time zone
 * @param from        start of the span (inclusive)
 * @param to          end of the span (exclusive)
 * @param generatedAt when the report was made
 * @param posts       every version of every post published in the span, post by post (oldest post first)
 * @param approvals   approvals created, consumed or revoked in the span, or whose window overlaps it
 * @param incidents   alerted posts of the span, oldest first
 * @param timeline    every event, oldest first
 */
public record ChannelReport(String channelId, String channelName, String platform, String account, String officeId,
                            String policy, ZoneId zone, Instant from, Instant to, Instant generatedAt,
                            List<List<StoredPost>> posts, List<Approval> approvals, List<Incident> incidents,
                            List<ReportEvent> timeline) {

    public ChannelReport {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(zone, "zone");
        posts = posts.stream().map(List::copyOf).toList();
        approvals = List.copyOf(approvals);
        incidents = List.copyOf(incidents);
        timeline = List.copyOf(timeline);
    }
}
