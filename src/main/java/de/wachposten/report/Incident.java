package de.wachposten.report;

import de.wachposten.model.Alert;
import de.wachposten.model.Approval;
import de.wachposten.store.StoredPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alerted post and what became of it: the facts an incident review states at the top.
 *
 * @param alert            the alert as it stands now (every reason, status, resolution)
 * @param versions         every stored version of the post, oldest first (a deletion is the last, tombstone version)
 * @param firstSeenAt      when the daemon first stored the post
 * @param firstDeliveredAt first successful delivery of the alert to any sink, or null
 * @param firstSink        the sink of that delivery, or null
 * @param deadDeliveries   deliveries given up
 * @param acknowledgedAt   when a person acknowledged or resolved the alert, or null
 * @param acknowledgedBy   who did, or null
 * @param deletedAt        when the daemon found the post gone, or null
 * @param lateApproval     an approval created after publication that this post consumed, or null
 */
public record Incident(Alert alert, List<StoredPost> versions, Instant firstSeenAt, Instant firstDeliveredAt,
                       String firstSink, int deadDeliveries, Instant acknowledgedAt, String acknowledgedBy,
                       Instant deletedAt, Approval lateApproval) {

    public Incident {
        Objects.requireNonNull(alert, "alert");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("incident " + alert.id() + " has no stored post version");
        }
    }

    /** The first version: the post as published. */
    public StoredPost original() {
        return versions.getFirst();
    }

    public Instant publishedAt() {
        return original().post().publishedAt();
    }

    /** Publication → alert created. */
    public Duration timeToDetect() {
        return between(publishedAt(), alert.createdAt());
    }

    /** Publication → first successful delivery, or null. */
    public Duration timeToDeliver() {
        return between(publishedAt(), firstDeliveredAt);
    }

    /** Publication → acknowledgement, or null. */
    public Duration timeToAcknowledge() {
        return between(publishedAt(), acknowledgedAt);
    }

    /** Publication → found gone, or null. */
    public Duration timeOnline() {
        return between(publishedAt(), deletedAt);
    }

    private static Duration between(Instant a, Instant b) {
        return a == null || b == null ? null : Duration.between(a, b);
    }
}
