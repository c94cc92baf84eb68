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
 * @param clients          allowed posting clients; empty means "only clients the channel's history knows"
 * @param closedDays       extra days without posting hours (e.g. 24 and 31 December)
 * @param behaviour        thresholds of the learned-profile check
 */
public record Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                     ChannelStatus status, List<String> clients, List<ClosedDay> closedDays,
                     BehaviourSettings behaviour) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    public Policy {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(status, "status");
        hours = List.copyOf(hours);
        clients = List.copyOf(clients);
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
        behaviour = behaviour == null ? BehaviourSettings.DEFAULTS : behaviour;
    }

    /** A policy without closed days and with the default behaviour settings. */
    public Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                  ChannelStatus status, List<String> clients) {
        this(approvalRequired, hours, timezone, holidays, status, clients, List.of(), BehaviourSettings.DEFAULTS);
    }

    /** A policy that checks nothing: no approval, any hour, active. */
    public static Policy permissive() {
        return new Policy(false, List.of(), DEFAULT_ZONE, null, ChannelStatus.ACTIVE, List.of());
    }
}
