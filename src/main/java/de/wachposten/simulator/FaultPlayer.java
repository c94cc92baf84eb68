package de.wachposten.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a request normally or with the fault injected for its account. Platform route sets call
 * {@link #serve} with their normal response and their {@link ErrorStyle}.
 */
public final class FaultPlayer {
    private static final int CHUNK = 64 * 1024;
    private static final String HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>We're sorry, but something went wrong"
            + "</title></head><body><h1>502 Bad Gateway</h1><p>The upstream server is unavailable.</p></body></html>\n";

    private final Vertx vertx;
    private final Faults faults;

    /** How a platform shapes its error responses. */
    public interface ErrorStyle {
        /** An error response with {@code status} in the platform's format. */
        SimResponse error(int status);

        /** The platform's rate-limit response. */
        SimResponse rateLimited(Fault.RateLimited fault);
    }

    public FaultPlayer(Vertx vertx, Faults faults) {
        this.vertx = vertx;
        this.faults = faults;
    }

    /** Records the request, then answers with the injected fault or with {@code normal}. */
    public void serve(RoutingContext ctx, String route, String account, ErrorStyle style, Supplier<SimResponse> normal) {
        SimRequest request = new SimRequest(route, account, ctx.request().uri(), ctx.request().getHeader("Authorization"));
        Optional<Fault> fault = faults.take(request);
        HttpServerResponse response = ctx.response();
        if (fault.isEmpty()) {
            send(response, normal.get());
            return;
        }
        switch (fault.get()) {
            case Fault.Status s -> send(response, style.error(s.code()));
            case Fault.RateLimited r -> send(response, style.rateLimited(r));
            case Fault.Slow s -> vertx.setTimer(Math.max(1, s.delay().toMillis()), id -> send(response, normal.get()));
            case Fault.Huge h -> streamHuge(response, h.bytes());
            case Fault.Simple s -> playSimple(s, response, normal);
        }
    }

    private void playSimple(Fault.Simple fault, HttpServerResponse response, Supplier<SimResponse> normal) {
        if (fault == Fault.MALFORMED_JSON) {
            send(response, SimResponse.json(200, "{\"id\": \"1\", \"content\": <p>not json</p>,, }"));
        } else if (fault == Fault.TRUNCATED_JSON) {
            SimResponse full = normal.get();
            String body = full.body().length() < 2 ? "[" : full.body().substring(0, full.body().length() / 2);
            send(response, new SimResponse(200, full.headers(), body));
        } else if (fault == Fault.HTML_ERROR_PAGE) {
            send(response, new SimResponse(200, java.util.Map.of("Content-Type", "text/html; charset=utf-8"), HTML_PAGE));
        }
        // HANG: the request stays open until the client gives up or the server stops
    }

    /** Sends {@code r} unless the client has gone away meanwhile. */
    public static void send(HttpServerResponse response, SimResponse r) {
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(r.status());
        r.headers().forEach(response::putHeader);
        if (r.bytes() != null) {
            response.end(Buffer.buffer(r.bytes()));
        } else {
            response.end(r.body());
        }
    }

    private static void streamHuge(HttpServerResponse response, long bytes) {
        response.setChunked(true).putHeader("Content-Type", "application/json; charset=utf-8");
        response.write("[");
        Buffer chunk = Buffer.buffer("\"" + "x".repeat(CHUNK - 3) + "\",");
        writeChunks(response, chunk, bytes - 1);
    }

    private static void writeChunks(HttpServerResponse response, Buffer chunk, long remaining) {
        if (response.closed()) {
            return;
        }
        if (remaining <= 0) {
            response.end("\"end\"]");
            return;
        }
        response.write(chunk).onSuccess(v -> writeChunks(response, chunk, remaining - chunk.length()));
    }
}
