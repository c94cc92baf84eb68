package de.wachposten.platform.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.time.Duration;

/**
 * Reads Meta's usage headers: {@code X-App-Usage} / {@code X-Page-Usage} ({@code {"call_count":28,"total_time":25,
 * "total_cputime":25}}, percentages) and {@code X-Business-Use-Case-Usage} ({@code {"<id>":[{"type":"pages",
 * "call_count":…,"estimated_time_to_regain_access":19}]}}, the wait in minutes).
 *
 * @param percent the highest percentage of any limit used (0 when no header), 100 = throttled
 * @param regain  the longest {@code estimated_time_to_regain_access}, or zero
 */
public record GraphUsage(int percent, Duration regain) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** From this percentage on, the next poll waits. */
    static final int HIGH = 90;
    private static final Duration HIGH_WAIT = Duration.ofMinutes(5);

    /** The usage the headers report. */
    public static GraphUsage of(MultiMap headers) {
        int percent = 0;
        long minutes = 0;
        for (String name : new String[] {"X-App-Usage", "X-Page-Usage", "X-Ad-Account-Usage"}) {
            JsonNode usage = json(headers.get(name));
            percent = Math.max(percent, maxPercent(usage));
        }
        JsonNode buc = json(headers.get("X-Business-Use-Case-Usage"));
        for (JsonNode perId : buc) {
            for (JsonNode entry : perId) {
                percent = Math.max(percent, maxPercent(entry));
                minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
            }
        }
        return new GraphUsage(percent, Duration.ofMinutes(minutes));
    }

    /** The wait before the next call: the time to regain access, else 5 min when usage is high, else null. */
    public Duration minDelay() {
        if (!regain.isZero()) {
            return regain;
        }
        return percent >= HIGH ? HIGH_WAIT : null;
    }

    private static int maxPercent(JsonNode usage) {
        int max = 0;
        for (String key : new String[] {"call_count", "total_time", "total_cputime", "acc_id_util_pct"}) {
            max = Math.max(max, usage.path(key).asInt(0));
        }
        return max;
    }

    private static JsonNode json(String header) {
        if (header == null || header.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(header);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
