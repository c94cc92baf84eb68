package de.wachposten.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response a platform route computed, before faults are applied.
 *
 * @param status  HTTP status
 * @param headers response headers (Content-Type included)
 * @param body    response body
 */
public record SimResponse(int status, Map<String, String> headers, String body) {
    public SimResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** A JSON response. */
    public static SimResponse json(int status, String body) {
        return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
    }

    /** A copy with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }
}
