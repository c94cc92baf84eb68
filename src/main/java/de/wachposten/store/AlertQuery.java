package de.wachposten.store;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One page of alerts, newest first ({@link Store#alertPage}), paged by keyset: alerts are ordered by creation time,
 * then id, and a page is the {@code limit} alerts right after a cursor (older than {@code before}, or newer than
 * {@code after}), so a deep page costs what the first does. Every filter may be null for "any".
 *
 * @param offices   only alerts of these offices (null: every office; empty: none)
 * @param status    only alerts in this status
 * @param channelId only alerts of this channel
 * @param reason    only alerts that carry this reason
 * @param before    only alerts older than this one (the next page); null for the first page
 * @param after     only alerts newer than this one (the page before); at most one of {@code before} and
 *                  {@code after}
 * @param limit     at most this many alerts (1 or more): the ones closest to the cursor
 */
public record AlertQuery(Set<String> offices, AlertStatus status, String channelId, ReasonCode reason, Key before,
                         Key after, int limit) {
    public AlertQuery {
        offices = offices == null ? null : Set.copyOf(offices);
        if (before != null && after != null) {
            throw new IllegalArgumentException("a page is either before or after a cursor, not both");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** The first page (the newest alerts). */
    public static AlertQuery first(Set<String> offices, AlertStatus status, String channelId, ReasonCode reason,
                                   int limit) {
        return new AlertQuery(offices, status, channelId, reason, null, null, limit);
    }

    /** An alert's place in the order: creation time, then id. */
    public record Key(Instant createdAt, String id) {
        public Key {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(id, "id");
        }

        public static Key of(Alert a) {
            return new Key(a.createdAt(), a.id());
        }
    }
}
