package de.wachposten.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a channel must comply with.
 *
 * @param approvalRequired true for {@code approval: required}; false for {@code approval: none}
 * @param hours            allowed posting hours; empty means "any time"
 * @param timezone         zone the hours are read in (default Europe/Berlin)
 * @param holidays         holiday region such as {@code DE-SN}, or null
 * @param status           active, dormant or until a date
 * @param clients          allowed posting clients; empty means "not checked"
 */
public record Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                     ChannelStatus status, List<String> clients) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    public Policy {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(status, "status");
        hours = List.copyOf(hours);
        clients = List.copyOf(clients);
    }

    /** A policy that checks nothing: no approval, any hour, active. */
    public static Policy permissive() {
        return new Policy(false, List.of(), DEFAULT_ZONE, null, ChannelStatus.ACTIVE, List.of());
    }
}
