package de.wachposten.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an office's {@code escalation} block: {@code after}, {@code repeat} and the escalation {@code sinks}. */
final class EscalationParser {
    static final List<String> KEYS = List.of("after", "repeat", "sinks");
    static final Duration MIN = Duration.ofMinutes(1);

    private EscalationParser() {
    }

    /** The escalation of office {@code officeId}, or null when absent or wrong (errors recorded). */
    static Escalation parse(YamlMap office, String officeId, boolean smtpPresent) {
        if (!office.has("escalation")) {
            return null;
        }
        YamlMap m = office.map("escalation", "escalation of office '" + officeId + "'");
        if (m == null) {
            return null;
        }
        int before = m.problems().count();
        m.checkKeys(KEYS);
        Duration after = duration(m, "after", true);
        Duration repeat = duration(m, "repeat", false);
        List<Node> nodes = m.items("sinks");
        List<SinkConfig> sinks = new ArrayList<>();
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            SinkConfig s = SinkParser.parse(nodes.get(i), officeId + "/escalation", i, smtpPresent, m);
            if (s != null) {
                sinks.add(s);
            }
        }
        if (!m.has("sinks")) {
            m.problems().error(m.line(), "missing key 'sinks' in " + m.label());
        } else if (nodes != null && nodes.isEmpty()) {
            m.problems().error(m.line("sinks"), "'sinks' in " + m.label() + " needs at least one sink");
        }
        return m.problems().count() == before ? new Escalation(after, repeat, sinks) : null;
    }

    private static Duration duration(YamlMap m, String key, boolean required) {
        Scalar s = m.scalar(key);
        String v = s == null ? null : s.resolved(m.problems(), "'" + key + "' in " + m.label());
        if (v == null) {
            if (required && s == null) {
                m.problems().error(m.line(), "missing key '" + key + "' in " + m.label());
            }
            return null;
        }
        try {
            Duration d = ConfigLoader.parseDuration(v);
            if (d.compareTo(MIN) >= 0) {
                return d;
            }
            m.problems().error(s.line(), "'" + key + "' in " + m.label() + " must be at least 1m, not '" + s.raw()
                    + "'");
        } catch (IllegalArgumentException e) {
            m.problems().error(s.line(), "bad duration '" + s.raw() + "' for '" + key + "' in " + m.label() + " ("
                    + ConfigLoader.DURATION_FORM + ")");
        }
        return null;
    }
}
