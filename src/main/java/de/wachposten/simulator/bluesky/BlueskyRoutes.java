package de.wachposten.simulator.bluesky;

import de.wachposten.simulator.SimResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The HTTP side of {@link BlueskySimulator}: XRPC parameter checks, then the fault player. */
final class BlueskyRoutes {
    private static final int MAX_URIS = 25;

    private final BlueskySimulator sim;

    BlueskyRoutes(BlueskySimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/xrpc/app.bsky.feed.getAuthorFeed").handler(this::feed);
        router.get("/xrpc/app.bsky.feed.getPosts").handler(this::posts);
        router.get("/xrpc/app.bsky.actor.getProfile").handler(this::profile);
    }

    private void feed(RoutingContext ctx) {
        var q = ctx.request();
        String actor = q.getParam("actor");
        sim.player().serve(ctx, BlueskySimulator.ROUTE_FEED, sim.handleOf(actor), sim, () -> {
            if (actor == null || actor.isBlank()) {
                return invalid("Error: Params must have the property \"actor\"");
            }
            int limit;
            try {
                limit = Integer.parseInt(q.getParam("limit", "50"));
            } catch (NumberFormatException e) {
                return invalid("Error: limit must be an integer");
            }
            if (limit < 1 || limit > 100) {
                return invalid("Error: limit can not be greater than 100");
            }
            return sim.feed(actor, limit, q.getParam("cursor"));
        });
    }

    private void posts(RoutingContext ctx) {
        List<String> uris = ctx.request().params().getAll("uris");
        String account = uris.isEmpty() ? null : sim.handleOf(uris.getFirst());
        sim.player().serve(ctx, BlueskySimulator.ROUTE_POSTS, account, sim, () -> {
            if (uris.isEmpty() || uris.size() > MAX_URIS) {
                return invalid("Error: uris must not have more than 25 elements");
            }
            return sim.posts(uris);
        });
    }

    private void profile(RoutingContext ctx) {
        String actor = ctx.request().getParam("actor");
        sim.player().serve(ctx, BlueskySimulator.ROUTE_PROFILE, sim.handleOf(actor), sim,
                () -> actor == null ? invalid("Error: Params must have the property \"actor\"") : sim.profile(actor));
    }

    private static SimResponse invalid(String message) {
        return SimResponse.json(400, BlueskyJson.error("InvalidRequest", message).encode());
    }
}
