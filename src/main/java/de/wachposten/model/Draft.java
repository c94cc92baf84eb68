package de.wachposten.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A text a drafter submitted for approval. The record never changes; approvals and a rejection are events, folded into
 * this view. It becomes an {@link Approval} once enough distinct approvers (none the drafter) approved it.
 *
 * @param id         stable id, e.g. {@code dr-…}
 * @param channelId  the channel the text is meant for
 * @param text       the drafted text
 * @param notBefore  start of the intended window, or null
 * @param notAfter   end of the intended window, or null
 * @param draftedBy  user id of the drafter (the caller who submitted it)
 * @param createdAt  when it was submitted
 * @param approvers  user ids who approved it so far, in order
 * @param approvalId the approval it became, or null
 * @param rejectedBy user id who rejected it, or null
 * @param reason     the rejection's reason, or null
 * @param decidedAt  when it became an approval or was rejected, or null
 */
public record Draft(String id, String channelId, String text, Instant notBefore, Instant notAfter, String draftedBy,
                    Instant createdAt, List<String> approvers, String approvalId, String rejectedBy, String reason,
                    Instant decidedAt) {

    /** Where a draft stands. */
    public enum Status {
        PENDING, APPROVED, REJECTED;

        /** The wire name ({@code pending}, ...). */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(draftedBy, "draftedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        if (approvers.contains(draftedBy)) {
            throw new IllegalArgumentException("four-eyes: drafter " + draftedBy + " cannot approve draft " + id);
        }
    }

    /** A new, pending draft. */
    public static Draft submitted(String id, String channelId, String text, Instant notBefore, Instant notAfter,
                                  String draftedBy, Instant createdAt) {
        return new Draft(id, channelId, text, notBefore, notAfter, draftedBy, createdAt, List.of(), null, null, null,
                null);
    }

    public Status status() {
        return rejectedBy != null ? Status.REJECTED : approvalId != null ? Status.APPROVED : Status.PENDING;
    }
}
