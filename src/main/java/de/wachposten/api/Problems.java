package de.wachposten.api;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a route into a problem response: an {@link ApiException} keeps its status and message, a
 * status set by Vert.x (413 from the body limit, 404, 405) gets a plain message, anything else is logged once and
 * answered with a generic 500 that reveals nothing internal.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final long bodyLimit;

    /** @param bodyLimit the body limit in bytes, named in the 413 message */
    public Problems(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    /** Failure handler for every route. */
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException e) {
            if (e.status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            Replies.problem(ctx, e.status(), e.getMessage(), e.field());
            return;
        }
        if (failure == null && ctx.statusCode() > 0 && ctx.statusCode() < 500) {
            Replies.problem(ctx, ctx.statusCode(), messageFor(ctx), null);
            return;
        }
        LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        Replies.problem(ctx, 500, "internal error; see the server log", null);
    }

    /** Handler for requests no route matched, and for 405. */
    public void unmatched(RoutingContext ctx) {
        Replies.problem(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 404, messageFor(ctx), null);
    }

    private String messageFor(RoutingContext ctx) {
        return switch (ctx.statusCode()) {
            case 413 -> "request body larger than " + bodyLimit + " bytes";
            case 405 -> "method " + ctx.request().method() + " not allowed on " + ctx.request().path();
            case 404 -> "no resource at " + ctx.request().path();
            default -> "request failed";
        };
    }
}
