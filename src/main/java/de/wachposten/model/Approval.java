package de.wachposten.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An approval record: the text an approver cleared for one channel within a window. Records are append-only; revocation
 * and consumption are separate events, folded into this view as {@code revokedAt} and {@code consumedBy}.
 *
 * @param id         stable id, e.g. {@code ap-…}
 * @param channelId  the channel the text may be posted on
 * @param text       the approved text as given
 * @param notBefore  start of the window, or null for no lower bound
 * @param notAfter   end of the window, or null for "open ended"
 * @param draftedBy  user id of the drafter
 * @param approvedBy user id of the approver (the authenticated caller); never equal to draftedBy
 * @param createdAt  when the approval was recorded
 * @param revokedAt  when it was revoked, or null
 * @param consumedBy post key ({@code channel/platformId}) of the post that used it, or null
 * @param consumedAt when that post consumed it, or null
 * @param maxUses    how many posts may use it (1 = the text may appear once)
 * @param uses       how many posts used it so far; {@code consumedBy}/{@code consumedAt} name the last one
 */
public record Approval(
        String id,
        String channelId,
        String text,
        Instant notBefore,
        Instant notAfter,
        String draftedBy,
        String approvedBy,
        Instant createdAt,
        Instant revokedAt,
        String consumedBy,
        Instant consumedAt,
        int maxUses,
        int uses) {

    public Approval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(draftedBy, "draftedBy");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (draftedBy.equals(approvedBy)) {
            throw new IllegalArgumentException("four-eyes: drafter and approver are both '" + draftedBy + "'");
        }
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("not_after is before not_before");
        }
        if (maxUses < 1) {
            throw new IllegalArgumentException("max_uses must be at least 1");
        }
    }

    /** An approval for one use; used once when {@code consumedBy} is set. */
    public Approval(String id, String channelId, String text, Instant notBefore, Instant notAfter, String draftedBy,
                    String approvedBy, Instant createdAt, Instant revokedAt, String consumedBy, Instant consumedAt) {
        this(id, channelId, text, notBefore, notAfter, draftedBy, approvedBy, createdAt, revokedAt, consumedBy,
                consumedAt, 1, consumedBy == null ? 0 : 1);
    }

    /** This approval allowing {@code n} uses. */
    public Approval withMaxUses(int n) {
        return new Approval(id, channelId, text, notBefore, notAfter, draftedBy, approvedBy, createdAt, revokedAt,
                consumedBy, consumedAt, n, uses);
    }

    /** True when not revoked and not yet used up. */
    public boolean open() {
        return revokedAt == null && uses < maxUses;
    }

    /** True when {@code t} lies inside the window (bounds inclusive, null bounds open). */
    public boolean inWindow(Instant t) {
        return (notBefore == null || !t.isBefore(notBefore)) && (notAfter == null || !t.isAfter(notAfter));
    }
}
