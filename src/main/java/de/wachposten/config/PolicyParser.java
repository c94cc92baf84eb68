package de.wachposten.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads policies, both the named ones under {@code policies} and those written inline in a channel.
 *
 * <p>Every key a policy may have is listed once, in {@link #KEYS}, with the step that reads it. Adding a key (closure
 * days, severity overrides, behaviour thresholds, ...) means one entry there, one field in {@link Draft} and one
 * component in {@link Policy}.
 */
final class PolicyParser {
    private static final Pattern HOLIDAY_REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    /** A policy key and how it is read into the draft; called only when the key is present. */
    private record Key(String name, BiConsumer<YamlMap, Draft> reader) {}

    private static final List<Key> KEYS = List.of(
            new Key("approval", PolicyParser::approval),
            new Key("hours", PolicyParser::hours),
            new Key("timezone", PolicyParser::timezone),
            new Key("holidays", PolicyParser::holidays),
            new Key("status", PolicyParser::status),
            new Key("clients", PolicyParser::clients),
            new Key("closed_days", PolicyParser::closedDays),
            new Key("behaviour", BehaviourParser::read),
            new Key("similarity", PolicyParser::similarity),
            new Key("min_approvers", PolicyParser::minApprovers),
            new Key("link_domains", PolicyParser::linkDomains),
            new Key("content", ContentParser::read));

    /** The allowed keys, in the order of {@link #KEYS}. */
    static final List<String> KEY_NAMES = KEYS.stream().map(Key::name).toList();

    /** A policy being read; starts with the defaults of {@link Policy#permissive()}. */
    static final class Draft {
        boolean approvalRequired;
        List<HoursRange> hours = List.of();
        ZoneId timezone = Policy.DEFAULT_ZONE;
        String holidays;
        ChannelStatus status = ChannelStatus.ACTIVE;
        List<String> clients = List.of();
        List<ClosedDay> closedDays = List.of();
        BehaviourSettings behaviour = BehaviourSettings.DEFAULTS;
        double similarity = Policy.DEFAULT_SIMILARITY;
        int minApprovers = 1;
        List<String> linkDomains = List.of();
        ContentSettings content = ContentSettings.DEFAULTS;

        Policy build() {
            return new Policy(approvalRequired, hours, timezone, holidays, status, clients, closedDays, behaviour,
                    similarity, minApprovers, linkDomains, content);
        }
    }

    private PolicyParser() {
    }

    /**
     * Reads the {@code policies} block: policy name to policy. Names whose policy has errors are still returned in
     * {@code known} so that channels naming them get no second error.
     */
    static Map<String, Policy> parseAll(YamlMap block, Set<String> known) {
        block.checkKeys(block.keys());
        Map<String, Policy> out = new LinkedHashMap<>();
        for (String name : block.keys()) {
            known.add(name);
            String label = "policy '" + name + "'";
            YamlMap m = YamlMap.of(block.rawNode(name), label, label, block.problems(), block.env());
            Policy p = m == null ? null : parse(m);
            if (p != null) {
                out.put(name, p);
            }
        }
        return out;
    }

    /** Reads one policy mapping (already labelled); null when it has errors (recorded). */
    static Policy parse(YamlMap m) {
        int before = m.problems().count();
        m.checkKeys(KEY_NAMES);
        Draft d = new Draft();
        for (Key k : KEYS) {
            if (m.has(k.name())) {
                k.reader().accept(m, d);
            }
        }
        return m.problems().count() == before ? d.build() : null;
    }

    private static void approval(YamlMap m, Draft d) {
        String v = m.oneOf("approval", List.of("required", "none"), "none");
        d.approvalRequired = "required".equals(v);
    }

    private static void hours(YamlMap m, Draft d) {
        List<HoursRange> ranges = new ArrayList<>();
        for (Scalar s : m.scalars("hours")) {
            try {
                ranges.add(HoursRange.parse(s.value()));
            } catch (IllegalArgumentException e) {
                m.problems().error(s.line(), e.getMessage());
            }
        }
        d.hours = ranges;
    }

    private static void timezone(YamlMap m, Draft d) {
        String v = m.string("timezone");
        if (v == null) {
            return;
        }
        try {
            d.timezone = ZoneId.of(v.trim());
        } catch (DateTimeException e) {
            m.problems().error(m.line("timezone"), "unknown time zone '" + m.scalar("timezone").raw() + "' in "
                    + m.label());
        }
    }

    private static void holidays(YamlMap m, Draft d) {
        String v = m.string("holidays");
        if (v != null && HOLIDAY_REGION.matcher(v).matches()) {
            String problem = HolidayRegions.problem(v);
            if (problem == null) {
                d.holidays = v;
            } else {
                m.problems().error(m.line("holidays"), problem + " in " + m.label());
            }
        } else if (v != null) {
            m.problems().error(m.line("holidays"), "bad holiday region '" + m.scalar("holidays").raw() + "' in "
                    + m.label() + " (expected a country code with an optional region, e.g. DE or DE-SN)");
        }
    }

    private static void status(YamlMap m, Draft d) {
        String v = m.string("status");
        if (v == null) {
            return;
        }
        try {
            d.status = ChannelStatus.parse(v);
        } catch (IllegalArgumentException e) {
            m.problems().error(m.line("status"), e.getMessage());
        }
    }

    private static void linkDomains(YamlMap m, Draft d) {
        List<String> domains = new ArrayList<>();
        for (Scalar s : m.scalars("link_domains")) {
            String v = s.value().trim().toLowerCase(java.util.Locale.ROOT);
            if (v.startsWith("www.")) {
                v = v.substring(4);
            }
            if (!v.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                m.problems().error(s.line(), "bad link domain '" + s.value() + "' in " + m.label()
                        + " (expected a host name such as sachsen.de)");
            } else {
                domains.add(v);
            }
        }
        d.linkDomains = domains;
    }

    private static void clients(YamlMap m, Draft d) {
        d.clients = m.strings("clients");
    }

    private static void closedDays(YamlMap m, Draft d) {
        List<ClosedDay> days = new ArrayList<>();
        for (Scalar s : m.scalars("closed_days")) {
            try {
                days.add(ClosedDay.parse(s.value()));
            } catch (IllegalArgumentException e) {
                m.problems().error(s.line(), e.getMessage() + " in " + m.label());
            }
        }
        d.closedDays = days;
    }

    private static void similarity(YamlMap m, Draft d) {
        String v = m.string("similarity");
        try {
            double x = Double.parseDouble(v == null ? "" : v.trim());
            if (x >= 0.5 && x <= 1.0) {
                d.similarity = x;
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        m.problems().error(m.line("similarity"), "similarity in " + m.label() + " must be a number between 0.5 and 1");
    }

    private static void minApprovers(YamlMap m, Draft d) {
        String v = m.string("min_approvers");
        try {
            int x = Integer.parseInt(v == null ? "" : v.trim());
            if (x >= 1 && x <= 5) {
                d.minApprovers = x;
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        m.problems().error(m.line("min_approvers"), "min_approvers in " + m.label() + " must be an integer from 1 to 5");
    }
}
