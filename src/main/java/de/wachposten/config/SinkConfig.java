package de.wachposten.config;

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
 */
public record SinkConfig(String type, String url, Secret secret, List<String> to, String room, Secret accessToken,
                         String key, int line) {
    public SinkConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        to = to == null ? List.of() : List.copyOf(to);
    }
}
