package de.wachposten.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one alert about one post. It is updated (revision + 1) when reasons are added later, never duplicated.
 *
 * @param id         stable id derived from channel and post id ({@code a-…}); the idempotency key for every sink
 * @param channelId  channel id
 * @param platform   platform name
 * @param officeId   office that owns the channel and receives the alert
 * @param severity   highest severity of the reasons
 * @param reasons    every reason that applies
 * @param post       the post version the alert is about
 * @param createdAt  when the alert was first raised
 * @param updatedAt  when it last changed
 * @param revision   1 for a new alert, incremented on each update
 * @param status     open, acknowledged or resolved
 * @param resolution how it was closed, or null while open
 */
public record Alert(
        String id,
        String channelId,
        String platform,
        String officeId,
        Severity severity,
        List<Finding> reasons,
        Post post,
        Instant createdAt,
        Instant updatedAt,
        int revision,
        AlertStatus status,
        Resolution resolution) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(officeId, "officeId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one reason");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1");
        }
    }

    /**
     * The stable alert id of a post: {@code a-} and the first 16 hex digits of SHA-256 over channel id and platform
     * post id. Deterministic, so a redelivery after a restart carries the same id.
     */
    public static String idFor(String channelId, String platformId) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((channelId + "\u0000" + platformId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "a-" + java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Highest severity among the findings. */
    public static Severity severityOf(List<Finding> findings) {
        Severity s = Severity.INFO;
        for (Finding f : findings) {
            s = Severity.max(s, f.severity());
        }
        return s;
    }
}
