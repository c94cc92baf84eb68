package de.wachposten.config;

import de.wachposten.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One alert sink of an office. Which fields are used depends on {@code type}: {@code webhook} (url, secret),
 * {@code email} (to), {@code slack}/{@code mattermost}/{@code teams} (url), {@code matrix} (url, room, accessToken),
 * {@code alertmanager} (url).
 *
 * @param type        sink type
 * @param url         target URL, or null
 * @param secret      webhook signing secret ({@code whsec_…}), or null
 * @param to          e-mail recipients
 * @param room        Matrix room id, or null
 * @param accessToken Matrix access token, or null
 * @param key         stable key of this sink within the config, {@code office#index:type}; used by the outbox
 * @param line        line of the sink in the config file (for messages)
 * @param minSeverity the least alert severity this sink receives (key {@code min_severity}, default info: all)
 */
public record SinkConfig(String type, String url, Secret secret, List<String> to, String room, Secret accessToken,
                         String key, int line, Severity minSeverity) {
    public SinkConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        to = to == null ? List.of() : List.copyOf(to);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
    }

    /** A sink that receives every alert. */
    public SinkConfig(String type, String url, Secret secret, List<String> to, String room, Secret accessToken,
                      String key, int line) {
        this(type, url, secret, to, room, accessToken, key, line, Severity.INFO);
    }

    /** This sink with another {@code min_severity}. */
    public SinkConfig withMinSeverity(Severity severity) {
        return new SinkConfig(type, url, secret, to, room, accessToken, key, line, severity);
    }

    /** Whether an alert of {@code severity} goes to this sink. */
    public boolean receives(Severity severity) {
        return severity.compareTo(minSeverity) >= 0;
    }
}
