package de.wachposten.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}, unauthenticated: the registry in Prometheus text format 0.0.4. The scrape runs on a worker
 * thread, since with thousands of channels it is too slow for the event loop.
 */
public final class MetricsHandler {
    /** Content type of the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;

    public MetricsHandler(Vertx vertx, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
    }

    /** Route handler. */
    public void scrape(RoutingContext ctx) {
        vertx.executeBlocking(registry::scrape, false)
                .onSuccess(text -> ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
                .onFailure(ctx::fail);
    }
}
