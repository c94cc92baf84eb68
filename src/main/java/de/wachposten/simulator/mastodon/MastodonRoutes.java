package de.wachposten.simulator.mastodon;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The HTTP side of {@link MastodonSimulator}: maps requests to its responses through the fault player. */
final class MastodonRoutes {
    private final MastodonSimulator sim;

    MastodonRoutes(MastodonSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/api/v1/accounts/lookup").handler(this::lookup);
        router.get("/api/v1/accounts/:id/statuses").handler(this::statuses);
        router.get("/api/v1/accounts/:id").handler(this::account);
        router.get("/api/v1/statuses/:id/history").handler(this::history);
        router.get("/api/v1/statuses/:id").handler(this::status);
    }

    private void lookup(RoutingContext ctx) {
        String acct = ctx.request().getParam("acct");
        String user = acct == null ? null : sim.usernameOf(acct, null, null);
        sim.player().serve(ctx, MastodonSimulator.ROUTE_LOOKUP, user, sim,
                () -> acct == null ? sim.error(400) : sim.lookup(acct));
    }

    private void account(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        sim.player().serve(ctx, MastodonSimulator.ROUTE_ACCOUNT, sim.usernameOf(null, id, null), sim,
                () -> sim.accountJson(id));
    }

    private void statuses(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        var q = ctx.request();
        sim.player().serve(ctx, MastodonSimulator.ROUTE_STATUSES, sim.usernameOf(null, id, null), sim,
                () -> sim.statuses(id, q.getParam("limit"), q.getParam("max_id"), q.getParam("since_id"),
                        q.getParam("min_id")));
    }

    private void status(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        sim.player().serve(ctx, MastodonSimulator.ROUTE_STATUS, sim.usernameOf(null, null, id), sim,
                () -> sim.status(id, false));
    }

    private void history(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        sim.player().serve(ctx, MastodonSimulator.ROUTE_HISTORY, sim.usernameOf(null, null, id), sim,
                () -> sim.status(id, true));
    }
}
