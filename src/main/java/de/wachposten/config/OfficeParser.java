package de.wachposten.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code offices} list: press offices with their alert sinks. */
final class OfficeParser {
    static final List<String> KEYS = List.of("id", "name", "language", "sinks", "escalation");

    private OfficeParser() {
    }

    /**
     * Reads every office; offices with errors are left out of the result but their ids still go into {@code ids}.
     *
     * @param smtpPresent whether the file has a top-level {@code smtp} block (needed by e-mail sinks)
     */
    static List<Office> parseAll(YamlMap top, IdRegistry ids, boolean smtpPresent) {
        List<Node> items = top.items("offices");
        List<Office> out = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String label = "offices[" + i + "]";
            YamlMap m = YamlMap.of(items.get(i), label, label, top.problems(), top.env());
            Office o = m == null ? null : parse(m, ids, smtpPresent);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private static Office parse(YamlMap m, IdRegistry ids, boolean smtpPresent) {
        int before = m.problems().count();
        String id = ids.read(m);
        m.checkKeys(KEYS);
        String name = m.string("name");
        String language = m.oneOf("language", List.of("de", "en"), "de");
        List<Node> sinkNodes = m.items("sinks");
        List<SinkConfig> sinks = new ArrayList<>();
        String owner = id != null ? id : m.label();
        for (int i = 0; sinkNodes != null && i < sinkNodes.size(); i++) {
            SinkConfig s = SinkParser.parse(sinkNodes.get(i), owner, i, smtpPresent, m);
            if (s != null) {
                sinks.add(s);
            }
        }
        Escalation escalation = EscalationParser.parse(m, owner, smtpPresent);
        return m.problems().count() == before ? new Office(id, name, language, sinks, escalation) : null;
    }
}
