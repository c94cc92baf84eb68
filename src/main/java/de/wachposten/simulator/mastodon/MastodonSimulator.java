package de.wachposten.simulator.mastodon;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import de.wachposten.simulator.mastodon.MastodonState.AccountData;
import de.wachposten.simulator.mastodon.MastodonState.StatusData;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Mastodon instance: the REST routes the connector uses (README, Platforms: {@code mastodon}) and a thread-safe
 * scripting API. Faults are keyed by the account's user name. Every normal response carries {@code X-RateLimit-*}
 * headers (300 per 5 minutes, counted per instance, or the values set with {@link #setRateLimit}).
 */
public final class MastodonSimulator implements FaultPlayer.ErrorStyle {
    /** Route names for {@link #requestCount}. */
    public static final String ROUTE_LOOKUP = "mastodon.lookup";
    public static final String ROUTE_ACCOUNT = "mastodon.account";
    public static final String ROUTE_STATUSES = "mastodon.statuses";
    public static final String ROUTE_STATUS = "mastodon.status";
    public static final String ROUTE_HISTORY = "mastodon.history";

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 40;
    private static final int RATE_LIMIT = 300;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final FaultPlayer player;
    private final Supplier<String> baseUrl;
    private final MastodonState state = new MastodonState();
    private final MastodonRoutes routes;
    private final MastodonStreams streams = new MastodonStreams();
    private Instant windowStart = Instant.EPOCH;
    private int windowCount;
    private int[] fixedRate;
    private Instant fixedReset;

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}; {@code baseUrl} is read lazily once listening. */
    public MastodonSimulator(Clock clock, FaultPlayer player, Supplier<String> baseUrl) {
        this.clock = clock;
        this.player = player;
        this.baseUrl = baseUrl;
        this.routes = new MastodonRoutes(this);
    }

    /** Registers the Mastodon routes on {@code router}. */
    public void register(Router router) {
        routes.register(router);
        streams.register(router);
    }

    /** Lets {@code token} open the streaming API's user stream of {@code account}. */
    public void grantStreamingToken(SimAccount account, String token) {
        streams.grant(token, account.username());
    }

    /** Streaming connections now open. */
    public int openStreams() {
        return streams.open();
    }

    /** The account {@code username}, created with {@code displayName} when it does not exist yet. */
    public synchronized SimAccount account(String username, String displayName) {
        AccountData a = state.accountByName(username);
        if (a == null) {
            a = state.account(username, clock.instant());
            a.profile = a.profile.withDisplayName(displayName);
        }
        return new SimAccount(a.id, a.username);
    }

    /** Replaces the account's profile. */
    public synchronized void setProfile(SimAccount account, SimProfile profile) {
        data(account).profile = profile;
    }

    /** The account's current profile. */
    public synchronized SimProfile profile(SimAccount account) {
        return data(account).profile;
    }

    /** Publishes a public German status; {@code applicationName} null omits the application. Returns its id. */
    public String publish(SimAccount account, String textOrHtml, Instant createdAt, String applicationName) {
        return publish(account, StatusSpec.of(textOrHtml, createdAt, applicationName));
    }

    /** Publishes a status; returns its id (numeric, higher than every earlier id). */
    public synchronized String publish(SimAccount account, StatusSpec spec) {
        MastodonHtml.Rendered r = MastodonHtml.render(spec.textOrHtml(), baseUrl.get());
        return streamed("update", state.add(data(account), spec, r.html(), r.tags(), null));
    }

    /** Boosts status {@code statusId} as {@code account}; returns the boost's own id. */
    public synchronized String boost(SimAccount account, String statusId, Instant createdAt, String applicationName) {
        StatusData original = existing(statusId);
        StatusSpec spec = new StatusSpec("", createdAt, applicationName, null, "", "public");
        return streamed("update", state.add(data(account), spec, "", List.of(), original));
    }

    /** Replaces the content of a status; {@code edited_at} becomes {@code editedAt}, the history grows. */
    public synchronized void edit(String statusId, String newTextOrHtml, Instant editedAt) {
        StatusData s = existing(statusId);
        MastodonHtml.Rendered r = MastodonHtml.render(newTextOrHtml, baseUrl.get());
        s.versions.add(new MastodonState.Version(r.html(), s.current().spoilerText(), editedAt));
        s.tags = r.tags();
        streamed("status.update", s);
    }

    /** Deletes a status: it leaves the timeline and {@code GET /api/v1/statuses/:id} answers 404. */
    public synchronized void delete(String statusId) {
        StatusData s = existing(statusId);
        s.deleted = true;
        streams.emit(s.account.username, "delete", statusId);
    }

    /** Sends these values in {@code X-RateLimit-*} from now on instead of counting requests. */
    public synchronized void setRateLimit(int limit, int remaining, Instant reset) {
        fixedRate = new int[] {limit, remaining};
        fixedReset = reset;
    }

    /** Goes back to counting requests for {@code X-RateLimit-*}. */
    public synchronized void clearRateLimit() {
        fixedRate = null;
        fixedReset = null;
    }

    /** Mastodon's error body with {@code status}. */
    @Override
    public SimResponse error(int status) {
        String message = switch (status) {
            case 401 -> "This API requires an authenticated user";
            case 403 -> "This action is not allowed";
            case 404 -> "Record not found";
            case 422 -> "Validation failed";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
        return SimResponse.json(status, MastodonJson.error(message).encode());
    }

    /** Mastodon's throttle response: 429, {@code X-RateLimit-*} with remaining 0, Retry-After only on request. */
    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        Instant reset = clock.instant().plus(fault.retryAfter());
        SimResponse r = SimResponse.json(429, MastodonJson.error("Too many requests").encode())
                .withHeader("X-RateLimit-Limit", Integer.toString(RATE_LIMIT))
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", MastodonJson.RESET.format(reset));
        return fault.withRetryAfterHeader()
                ? r.withHeader("Retry-After", Long.toString(Math.max(0, fault.retryAfter().toSeconds()))) : r;
    }

    // --- used by MastodonRoutes, all under this lock -------------------------------------------------------------

    synchronized SimResponse lookup(String acct) {
        AccountData a = acct == null ? null : state.accountByName(localName(acct));
        return a == null ? error(404) : ok(MastodonJson.account(a, state, baseUrl.get()).encode());
    }

    synchronized SimResponse accountJson(String id) {
        AccountData a = state.accountById(id);
        return a == null ? error(404) : ok(MastodonJson.account(a, state, baseUrl.get()).encode());
    }

    synchronized SimResponse statuses(String accountId, String limitParam, String maxId, String sinceId, String minId) {
        AccountData a = state.accountById(accountId);
        if (a == null) {
            return error(404);
        }
        int limit = limit(limitParam);
        List<StatusData> page = state.page(a, limit, MastodonState.parseId(maxId), MastodonState.parseId(sinceId),
                MastodonState.parseId(minId));
        JsonArray body = new JsonArray();
        page.forEach(s -> body.add(MastodonJson.status(s, state, baseUrl.get())));
        SimResponse r = ok(body.encode());
        String link = link(accountId, limit, page);
        return link.isEmpty() ? r : r.withHeader("Link", link);
    }

    synchronized SimResponse status(String id, boolean history) {
        StatusData s = state.status(id);
        if (s == null || s.deleted) {
            return error(404);
        }
        String body = history ? MastodonJson.history(s, state, baseUrl.get()).encode()
                : MastodonJson.status(s, state, baseUrl.get()).encode();
        return ok(body);
    }

    /** The user name an acct parameter or account id concerns, for fault keys; null when unknown. */
    synchronized String usernameOf(String acctOrNull, String accountIdOrNull, String statusIdOrNull) {
        if (acctOrNull != null) {
            return localName(acctOrNull);
        }
        if (accountIdOrNull != null) {
            AccountData a = state.accountById(accountIdOrNull);
            return a == null ? null : a.username;
        }
        StatusData s = state.status(statusIdOrNull);
        return s == null ? null : s.account.username;
    }

    FaultPlayer player() {
        return player;
    }

    private String link(String accountId, int limit, List<StatusData> page) {
        if (page.isEmpty()) {
            return "";
        }
        String base = baseUrl.get() + "/api/v1/accounts/" + accountId + "/statuses?limit=" + limit;
        String prev = "<" + base + "&min_id=" + page.getFirst().id + ">; rel=\"prev\"";
        return page.size() == limit ? "<" + base + "&max_id=" + page.getLast().id + ">; rel=\"next\", " + prev : prev;
    }

    private SimResponse ok(String body) {
        Instant now = clock.instant();
        if (now.isAfter(windowStart.plus(RATE_WINDOW))) {
            windowStart = now;
            windowCount = 0;
        }
        windowCount++;
        int limit = fixedRate != null ? fixedRate[0] : RATE_LIMIT;
        int remaining = fixedRate != null ? fixedRate[1] : Math.max(0, RATE_LIMIT - windowCount);
        Instant reset = fixedRate != null ? fixedReset : windowStart.plus(RATE_WINDOW);
        return SimResponse.json(200, body).withHeader("X-RateLimit-Limit", Integer.toString(limit))
                .withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
                .withHeader("X-RateLimit-Reset", MastodonJson.RESET.format(reset));
    }

    private static int limit(String param) {
        if (param == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Math.abs(Integer.parseInt(param.strip()));
        } catch (NumberFormatException e) {
            value = 0;
        }
        return Math.min(value, MAX_LIMIT);
    }

    private String localName(String acct) {
        String a = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = a.indexOf('@');
        if (at < 0) {
            return a;
        }
        String domain = a.substring(at + 1);
        String host = baseUrl.get().replaceFirst("^https?://", "");
        return domain.equalsIgnoreCase(host) || domain.equalsIgnoreCase(host.replaceFirst(":\\d+$", ""))
                ? a.substring(0, at) : null;
    }

    /** Sends {@code event} with the status to the open streams; returns the status id. */
    private String streamed(String event, StatusData s) {
        streams.emit(s.account.username, event, MastodonJson.status(s, state, baseUrl.get()).encode());
        return Long.toString(s.id);
    }

    private AccountData data(SimAccount account) {
        AccountData a = state.accountById(account.id());
        if (a == null) {
            throw new IllegalArgumentException("unknown simulated account " + account.username());
        }
        return a;
    }

    private StatusData existing(String statusId) {
        StatusData s = state.status(statusId);
        if (s == null) {
            throw new IllegalArgumentException("unknown simulated status " + statusId);
        }
        return s;
    }
}
