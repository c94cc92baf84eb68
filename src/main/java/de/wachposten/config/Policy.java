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
 * @param similarity       least word similarity at which a post matches an approval (key {@code similarity}, 0.5–1,
 *                         default 0.9)
 * @param minApprovers     distinct approvers a draft needs before it becomes an approval (key {@code min_approvers},
 *                         1–5, default 1)
 * @param linkDomains      domains the channel may link to (key {@code link_domains}; subdomains included); empty: links
 *                         are not checked
 * @param content          the offensive-language classifier's settings (key {@code content}; default on at
 *                         {@link ContentSettings#DEFAULT_THRESHOLD})
 */
public record Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                     ChannelStatus status, List<String> clients, List<ClosedDay> closedDays,
                     BehaviourSettings behaviour, double similarity, int minApprovers, List<String> linkDomains,
                     ContentSettings content) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    /** Default of {@code similarity}. */
    public static final double DEFAULT_SIMILARITY = 0.9;

    public Policy {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(status, "status");
        hours = List.copyOf(hours);
        clients = List.copyOf(clients);
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
        behaviour = behaviour == null ? BehaviourSettings.DEFAULTS : behaviour;
        linkDomains = linkDomains == null ? List.of() : List.copyOf(linkDomains);
        content = content == null ? ContentSettings.DEFAULTS : content;
        if (similarity < 0.5 || similarity > 1.0) {
            throw new IllegalArgumentException("similarity must lie between 0.5 and 1, not " + similarity);
        }
        if (minApprovers < 1 || minApprovers > 5) {
            throw new IllegalArgumentException("min_approvers must lie between 1 and 5, not " + minApprovers);
        }
    }

    /** A policy with the default content settings. */
    public Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                  ChannelStatus status, List<String> clients, List<ClosedDay> closedDays, BehaviourSettings behaviour,
                  double similarity, int minApprovers, List<String> linkDomains) {
        this(approvalRequired, hours, timezone, holidays, status, clients, closedDays, behaviour, similarity,
                minApprovers, linkDomains, ContentSettings.DEFAULTS);
    }

    /** A policy with the default closed days, behaviour settings, {@code similarity} and {@code min_approvers}. */
    public Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                  ChannelStatus status, List<String> clients) {
        this(approvalRequired, hours, timezone, holidays, status, clients, List.of(), BehaviourSettings.DEFAULTS,
                DEFAULT_SIMILARITY, 1, List.of());
    }

    /** A policy with closed days and behaviour settings, and the default approval matching. */
    public Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                  ChannelStatus status, List<String> clients, List<ClosedDay> closedDays, BehaviourSettings behaviour) {
        this(approvalRequired, hours, timezone, holidays, status, clients, closedDays, behaviour, DEFAULT_SIMILARITY, 1,
                List.of());
    }

    /** A policy with its approval matching settings and the default timing settings. */
    public Policy(boolean approvalRequired, List<HoursRange> hours, ZoneId timezone, String holidays,
                  ChannelStatus status, List<String> clients, double similarity, int minApprovers) {
        this(approvalRequired, hours, timezone, holidays, status, clients, List.of(), BehaviourSettings.DEFAULTS,
                similarity, minApprovers, List.of());
    }

    /** A policy that checks nothing: no approval, any hour, active. */
    public static Policy permissive() {
        return new Policy(false, List.of(), DEFAULT_ZONE, null, ChannelStatus.ACTIVE, List.of());
    }
}
