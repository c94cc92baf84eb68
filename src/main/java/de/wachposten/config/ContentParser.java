package de.wachposten.config;

import java.util.List;

/** Reads a policy's {@code content} block: {@code classifier: on|off} and {@code threshold: 0.0–1.0}. */
final class ContentParser {
    private static final List<String> KEYS = List.of("classifier", "threshold");

    private ContentParser() {
    }

    static void read(YamlMap policy, PolicyParser.Draft d) {
        YamlMap m = policy.map("content", "'content' in " + policy.label());
        if (m == null) {
            return;
        }
        m.checkKeys(KEYS);
        ContentSettings def = ContentSettings.DEFAULTS;
        Boolean on = classifier(m, def.classifier());
        Double threshold = m.fraction("threshold", true, def.threshold());
        if (on != null && threshold != null) {
            d.content = new ContentSettings(on, threshold);
        }
    }

    /** {@code on} or {@code off} (YAML 1.1 also reads them as true and false, so those are taken too). */
    private static Boolean classifier(YamlMap m, boolean dflt) {
        String v = m.oneOf("classifier", List.of("on", "off", "true", "false"), dflt ? "on" : "off");
        return v == null ? null : v.equals("on") || v.equals("true");
    }
}
