package de.wachposten.config;

import de.wachposten.model.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one alert sink of an office; the keys allowed depend on the sink's {@code type}. */
final class SinkParser {
    private static final Map<String, List<String>> KEYS_BY_TYPE = new LinkedHashMap<>();

    static {
        KEYS_BY_TYPE.put("webhook", List.of("type", "url", "secret", "min_severity"));
        KEYS_BY_TYPE.put("email", List.of("type", "to", "min_severity"));
        KEYS_BY_TYPE.put("slack", List.of("type", "url", "min_severity"));
        KEYS_BY_TYPE.put("mattermost", List.of("type", "url", "min_severity"));
        KEYS_BY_TYPE.put("teams", List.of("type", "url", "min_severity"));
        KEYS_BY_TYPE.put("matrix", List.of("type", "url", "room", "access_token", "min_severity"));
        KEYS_BY_TYPE.put("alertmanager", List.of("type", "url", "min_severity"));
    }

    private static final String WHSEC_PREFIX = "whsec_";

    private SinkParser() {
    }

    /**
     * Reads the sink at {@code index} of office {@code officeId}; null when it has errors (recorded).
     *
     * @param smtpPresent whether the file has a top-level {@code smtp} block (needed by e-mail sinks)
     */
    static SinkConfig parse(Node n, String officeId, int index, boolean smtpPresent, YamlMap office) {
        String base = officeId + "#" + index;
        String what = "sink '" + base + "'";
        YamlMap m = YamlMap.of(n, what, what, office.problems(), office.env());
        if (m == null) {
            return null;
        }
        int before = m.problems().count();
        String type = m.required("type");
        List<String> keys = type == null ? null : KEYS_BY_TYPE.get(type);
        if (type != null && keys == null) {
            m.problems().error(m.line("type"), "unknown sink type '" + m.scalar("type").raw() + "' in " + what
                    + " (expected one of: " + String.join(", ", KEYS_BY_TYPE.keySet()) + ")");
        }
        if (keys == null) {
            return null;
        }
        String key = base + ":" + type;
        m.label("sink '" + key + "'");
        m.checkKeys(keys);
        SinkConfig sink = switch (type) {
            case "webhook" -> webhook(m, key);
            case "email" -> email(m, key, smtpPresent);
            case "matrix" -> matrix(m, key);
            default -> new SinkConfig(type, requiredUrl(m), null, List.of(), null, null, key, m.line());
        };
        Severity minSeverity = minSeverity(m);
        return m.problems().count() == before ? sink.withMinSeverity(minSeverity) : null;
    }

    private static Severity minSeverity(YamlMap m) {
        String v = m.string("min_severity");
        if (v == null) {
            return Severity.INFO;
        }
        try {
            return Severity.parse(v.trim());
        } catch (IllegalArgumentException e) {
            m.problems().error(m.line("min_severity"), "min_severity in " + m.label()
                    + " must be info, low, medium, high or critical, not '" + v + "'");
            return Severity.INFO;
        }
    }

    private static SinkConfig webhook(YamlMap m, String key) {
        String url = requiredUrl(m);
        Secret secret = m.secret("secret", "sink " + key + ", secret");
        if (secret != null && secret.isSet() && !isWebhookSecret(secret.reveal())) {
            m.problems().error(m.line("secret"), "webhook secret in " + m.label()
                    + " must be whsec_ followed by a base64 key");
        }
        return new SinkConfig("webhook", url, secret, List.of(), null, null, key, m.line());
    }

    private static boolean isWebhookSecret(String s) {
        if (!s.startsWith(WHSEC_PREFIX) || s.length() == WHSEC_PREFIX.length()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(s.substring(WHSEC_PREFIX.length()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static SinkConfig email(YamlMap m, String key, boolean smtpPresent) {
        if (!smtpPresent) {
            m.problems().error(m.line(), m.label() + " sends e-mail, but the top-level 'smtp' block is missing");
        }
        List<String> to = new ArrayList<>();
        if (!m.has("to")) {
            m.problems().error(m.line(), "missing key 'to' in " + m.label());
        } else {
            List<Scalar> addresses = m.scalars("to");
            for (Scalar a : addresses) {
                if (a.value().indexOf('@') <= 0 || a.value().endsWith("@")) {
                    m.problems().error(a.line(), "bad e-mail address '" + a.raw() + "' in " + m.label());
                } else {
                    to.add(a.value().trim());
                }
            }
            if (m.node("to") instanceof SequenceNode list && list.getValue().isEmpty()) {
                m.problems().error(m.line("to"), "'to' in " + m.label() + " must list at least one e-mail address");
            }
        }
        return new SinkConfig("email", null, null, to, null, null, key, m.line());
    }

    private static SinkConfig matrix(YamlMap m, String key) {
        String url = requiredUrl(m);
        String room = m.required("room");
        Secret token = null;
        if (!m.has("access_token")) {
            m.problems().error(m.line(), "missing key 'access_token' in " + m.label());
        } else {
            token = m.secret("access_token", "sink " + key + ", access_token");
        }
        return new SinkConfig("matrix", url, null, List.of(), room, token, key, m.line());
    }

    private static String requiredUrl(YamlMap m) {
        if (!m.has("url")) {
            m.problems().error(m.line(), "missing key 'url' in " + m.label());
            return null;
        }
        URI u = m.url("url");
        return u == null ? null : u.toString();
    }
}
