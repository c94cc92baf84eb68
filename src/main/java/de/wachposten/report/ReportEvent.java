package de.wachposten.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the timeline.
 *
 * @param at      when it happened (or was recorded)
 * @param kind    what happened
 * @param postKey the post it concerns ({@code channel/platformId}), or null (approvals)
 * @param text    one sentence describing it; post text appears verbatim and must be escaped by renderers
 */
public record ReportEvent(Instant at, Kind kind, String postKey, String text) {

    /** Kinds of timeline events, in the order they sort at equal times. */
    public enum Kind {
        APPROVAL_CREATED("approval created"),
        APPROVAL_REVOKED("approval revoked"),
        PUBLISHED("published"),
        SEEN("seen"),
        EDITED("edited"),
        FINDING("finding"),
        APPROVAL_CONSUMED("approval consumed"),
        ALERT_CREATED("alert created"),
        ALERT_UPDATED("alert updated"),
        DELIVERED("alert delivered"),
        DELIVERY_FAILED("delivery given up"),
        DELETED("post disappeared"),
        LATE_APPROVAL("late approval"),
        ACKNOWLEDGED("acknowledged"),
        RESOLVED("resolved");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Human label, e.g. {@code alert delivered}. */
        public String label() {
            return label;
        }

        /** Machine name, e.g. {@code alert_delivered}. */
        public String wire() {
            return label.replace(' ', '_');
        }
    }

    public ReportEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
