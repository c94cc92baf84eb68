package de.wachposten.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response a platform route computed, before faults are applied.
 *
 * @param status  HTTP status
 * @param headers response headers (Content-Type included)
 * @param body    response body
 * @param bytes   the body as bytes when it is no UTF-8 text (another charset, gzip), else null
 */
public record SimResponse(int status, Map<String, String> headers, String body, byte[] bytes) {
    public SimResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** A text response, sent as UTF-8. */
    public SimResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, null);
    }

    /** A JSON response. */
    public static SimResponse json(int status, String body) {
        return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
    }

    /** A copy with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body, bytes);
    }
}
