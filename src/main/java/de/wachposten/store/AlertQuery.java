package de.wachposten.store;

import de.wachposten.model.AlertStatus;
import de.wachposten.model.ReasonCode;
import java.util.Set;

/**
 * One page of alerts, newest first ({@link Store#alertPage}): every filter may be null for "any".
 *
 * @param offices only alerts of these offices (null: every office; empty: none)
 * @param status  only alerts in this status
 * @param channelId only alerts of this channel
 * @param reason  only alerts that carry this reason
 * @param offset  alerts to skip (0 for the first page)
 * @param limit   at most this many alerts (1 or more)
 */
public record AlertQuery(Set<String> offices, AlertStatus status, String channelId, ReasonCode reason, int offset,
                         int limit) {
    public AlertQuery {
        offices = offices == null ? null : Set.copyOf(offices);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
