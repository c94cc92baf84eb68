package de.wachposten.api;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads and checks request input: a JSON object body with a fixed set of allowed fields, and query parameters. Every
 * failure is an {@link ApiException} with status 400 naming the field.
 */
public final class Input {
    private Input() {}

    /**
     * The body as a JSON object whose fields are all in {@code allowed}. An empty body counts as {@code {}} when
     * {@code optional} is true.
     */
    public static JsonObject body(RoutingContext ctx, Set<String> allowed, boolean optional) {
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0 || buffer.toString().isBlank()) {
            if (optional) {
                return new JsonObject();
            }
            throw ApiException.badRequest("request body must be a JSON object");
        }
        Object decoded;
        try {
            decoded = Json.decodeValue(buffer);
        } catch (DecodeException e) {
            throw ApiException.badRequest("request body is not valid JSON");
        }
        if (!(decoded instanceof JsonObject body)) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        for (String name : body.fieldNames()) {
            if (!allowed.contains(name)) {
                throw ApiException.badField(name, "unknown field (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
        }
        return body;
    }

    /** A string field, or null when absent or JSON null; 400 when it is not a string. */
    public static String string(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiException.badField(field, "must be a string");
        }
        return s;
    }

    /** A required string field that is not blank. */
    public static String requiredString(JsonObject body, String field) {
        String s = string(body, field);
        if (s == null) {
            throw ApiException.badField(field, "is required");
        }
        if (s.isBlank()) {
            throw ApiException.badField(field, "must not be blank");
        }
        return s;
    }

    /** An optional ISO-8601 instant ({@code 2016-01-08T05:30:00Z}), or null. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "not an ISO-8601 instant");
        }
    }

    /** A query parameter, or null when absent or empty. */
    public static String query(RoutingContext ctx, String name) {
        MultiMap params = ctx.queryParams();
        String v = params.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** An integer query parameter within {@code [min, max]}, or {@code fallback} when absent. */
    public static int intQuery(RoutingContext ctx, String name, int fallback, int min, int max) {
        String v = query(ctx, name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badField(name, "must be an integer between " + min + " and " + max);
    }

    private static java.util.List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
