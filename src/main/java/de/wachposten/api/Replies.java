package de.wachposten.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON and problem responses. */
public final class Replies {
    /** Media type of every error response (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private Replies() {}

    /** Ends the response with {@code status} and {@code body} encoded as JSON. */
    public static void json(RoutingContext ctx, int status, Object body) {
        String encoded = body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(encoded);
    }

    /** Ends the response with a problem body: type, title (the status's reason phrase), status, detail, field. */
    public static void problem(RoutingContext ctx, int status, String detail, String field) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", PROBLEM_JSON)
                .end(problemBody(status, detail, field).encode());
    }

    /** The problem body; {@code field} is left out when null. */
    public static JsonObject problemBody(int status, String detail, String field) {
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
