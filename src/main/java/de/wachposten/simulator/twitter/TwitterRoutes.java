package de.wachposten.simulator.twitter;

import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The HTTP side of {@link TwitterSimulator}: parameter checks as X does them, then the fault player. */
final class TwitterRoutes {
    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    private static final String TOKEN_PREFIX = "7140dibdnow9c7btw";

    private final TwitterSimulator sim;

    TwitterRoutes(TwitterSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.get("/2/users/by/username/:username").handler(this::user);
        router.get("/2/users/:id/tweets").handler(this::timeline);
        router.get("/2/tweets").handler(this::lookup);
    }

    /** An opaque-looking pagination token that continues below {@code id}. */
    static String token(long id) {
        return TOKEN_PREFIX + Long.toString(id, 36);
    }

    private void user(RoutingContext ctx) {
        String username = ctx.pathParam("username");
        serve(ctx, TwitterSimulator.ROUTE_USER, username, () -> sim.userByUsername(username));
    }

    private void timeline(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        var q = ctx.request();
        serve(ctx, TwitterSimulator.ROUTE_TWEETS, sim.usernameOfUser(id), () -> {
            String max = q.getParam("max_results", "10");
            int maxResults = parseInt(max);
            if (maxResults < 5 || maxResults > 100) {
                return invalid("The `max_results` query parameter value [" + max + "] is not between 5 and 100");
            }
            String since = q.getParam("since_id");
            String until = q.getParam("until_id");
            String token = q.getParam("pagination_token");
            if (since != null && !ID.matcher(since).matches() || until != null && !ID.matcher(until).matches()) {
                return invalid("The `since_id` and `until_id` query parameters must match ^[0-9]{1,19}$");
            }
            long upper = until == null ? Long.MAX_VALUE : Long.parseLong(until);
            if (token != null) {
                if (!token.startsWith(TOKEN_PREFIX)) {
                    return invalid("The `pagination_token` query parameter value [" + token + "] is not valid");
                }
                upper = Math.min(upper, Long.parseLong(token.substring(TOKEN_PREFIX.length()), 36));
            }
            return sim.timeline(id, maxResults, since == null ? 0 : Long.parseLong(since), upper);
        });
    }

    private void lookup(RoutingContext ctx) {
        String param = ctx.request().getParam("ids");
        List<String> ids = param == null ? List.of() : Arrays.stream(param.split(",")).map(String::strip).toList();
        String account = ids.isEmpty() ? null : sim.usernameOfTweet(ids.getFirst());
        serve(ctx, TwitterSimulator.ROUTE_LOOKUP, account, () -> {
            if (ids.isEmpty() || ids.size() > 100 || !ids.stream().allMatch(i -> ID.matcher(i).matches())) {
                return invalid("The `ids` query parameter value [" + param + "] must be 1 to 100 comma-separated ids");
            }
            return sim.lookup(ids);
        });
    }

    private void serve(RoutingContext ctx, String route, String account, Supplier<SimResponse> normal) {
        String auth = ctx.request().getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
            FaultPlayer.send(ctx.response(), TwitterSimulator.problem(401, "Unauthorized", "Unauthorized", "about:blank"));
            return;
        }
        sim.player().serve(ctx, route, account, sim, normal);
    }

    private static SimResponse invalid(String message) {
        return TwitterSimulator.problem(400, "Invalid Request", "One or more parameters to your request was invalid. "
                + message, "https://api.x.com/2/problems/invalid-request");
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
