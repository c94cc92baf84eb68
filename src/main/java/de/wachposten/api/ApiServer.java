package de.wachposten.api;

import de.wachposten.alert.AlertService;
import de.wachposten.approval.FourEyes;
import de.wachposten.archive.Archive;
import de.wachposten.config.Config;
import de.wachposten.store.Store;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The HTTP API server (README, HTTP API). Builds one router: unauthenticated {@code /metrics} and {@code /health/*};
 * everything under {@code /api/v1} behind {@link Auth} and a {@value #BODY_LIMIT}-byte body limit; every failure as
 * {@code application/problem+json}.
 */
public final class ApiServer {
    /** Largest accepted request body in bytes; larger bodies get 413. */
    public static final long BODY_LIMIT = 64 * 1024;

    private final Vertx vertx;
    private final Router router;
    private final DraftsHandler drafts;
    private final DraftDecisions draftDecisions;
    private final Acknowledgement acknowledgement;
    private final PostSearch postSearch;
    private final PlansHandler plans;
    private final OffboardingHandler offboarding;
    private HttpServer server;

    /**
     * @param vertx            the Vert.x instance
     * @param config           the loaded configuration (users, offices, channels)
     * @param store            the blocking store; called on worker threads only
     * @param registry         the registry {@code /metrics} exposes
     * @param clock            source of "now" for created, revoked and acknowledged times
     * @param channelHealth    live poll status per channel id (may be empty); must be a cheap, thread-safe snapshot
     * @param ready            true once the daemon is ready to serve
     * @param alerts           every change to an alert (acknowledgement, late approval, resolution) goes through it
     * @param archive          the archive's full-text search
     */
    public ApiServer(Vertx vertx, Config config, Store store, PrometheusMeterRegistry registry, Clock clock,
                     Supplier<Map<String, Object>> channelHealth, BooleanSupplier ready, AlertService alerts, Archive archive) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(channelHealth, "channelHealth");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(archive, "archive");
        Access access = new Access(config);
        FourEyes fourEyes = new FourEyes(config);
        LateApproval late = new LateApproval(store, alerts);
        this.draftDecisions = new DraftDecisions(access, store, clock, late, fourEyes);
        this.acknowledgement = new Acknowledgement(alerts);
        this.postSearch = new PostSearch(access, store, archive);
        this.drafts = new DraftsHandler(vertx, access, draftDecisions);
        this.plans = new PlansHandler(vertx, config, store, clock);
        this.offboarding = new OffboardingHandler(vertx, config, store, clock, alerts);
        this.router = buildRouter(
                new Auth(config.users()),
                new HealthHandler(vertx, store, ready),
                new MetricsHandler(vertx, registry),
                new ApprovalsHandler(vertx, access, store, clock, late, fourEyes),
                new AlertsHandler(vertx, access, store, acknowledgement),
                new ChannelsHandler(vertx, access, store, channelHealth),
                new PostsHandler(vertx, postSearch));
    }

    private Router buildRouter(Auth auth, HealthHandler health, MetricsHandler metrics, ApprovalsHandler approvals,
                               AlertsHandler alerts, ChannelsHandler channels, PostsHandler posts) {
        Problems problems = new Problems(BODY_LIMIT);
        Router r = Router.router(vertx);
        r.get("/metrics").handler(metrics::scrape);
        r.get("/health/live").handler(health::live);
        r.get("/health/ready").handler(health::ready);
        r.route("/api/v1/*").handler(auth::handle);
        r.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        r.post("/api/v1/approvals").handler(approvals::create);
        r.get("/api/v1/approvals").handler(approvals::list);
        r.post("/api/v1/approvals/:id/revoke").handler(approvals::revoke);
        r.post("/api/v1/drafts").handler(drafts::create);
        r.get("/api/v1/drafts").handler(drafts::list);
        r.post("/api/v1/drafts/:id/approve").handler(drafts::approve);
        r.post("/api/v1/drafts/:id/reject").handler(drafts::reject);
        r.post("/api/v1/plans").handler(plans::create);
        r.post("/api/v1/offboarding").handler(offboarding::offboard);
        r.post("/api/v1/channels/:id/credentials-rotated").handler(offboarding::rotated);
        r.get("/api/v1/alerts").handler(alerts::list);
        r.post("/api/v1/alerts/:id/ack").handler(alerts::ack);
        r.get("/api/v1/channels").handler(channels::list);
        r.get("/api/v1/posts").handler(posts::search);
        r.route().failureHandler(problems::handle);
        r.errorHandler(404, problems::unmatched);
        r.errorHandler(405, problems::unmatched);
        return r;
    }

    /**
     * Serves the one-click acknowledgement links ({@code GET} and {@code POST /ack/{token}}, no login) through
     * {@code handler}. Call before {@link #start}.
     */
    public ApiServer serveAckLinks(AckLinkHandler handler) {
        router.get("/ack/:token").handler(handler::page);
        router.post("/ack/:token").handler(handler::ack);
        return this;
    }

    /**
     * Starts listening.
     *
     * @param host interface to bind, e.g. {@code 127.0.0.1}
     * @param port port, or 0 for any free port
     * @return the bound port
     */
    public Future<Integer> start(String host, int port) {
        if (server != null) {
            return Future.failedFuture(new IllegalStateException("API server already started"));
        }
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, host)
                .map(s -> {
                    server = s;
                    return s.actualPort();
                })
                .recover(e -> Future.failedFuture(new IllegalStateException("cannot listen on " + host + ":" + port
                        + " (server.host, server.port): " + e.getMessage(), e)));
    }

    /** Stops listening; completes at once when not started. */
    public Future<Void> stop() {
        HttpServer s = server;
        server = null;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /** The decisions on drafts this API takes (four-eyes, late approval), for the console to take the same way. */
    public DraftDecisions draftDecisions() {
        return draftDecisions;
    }

    /** How this API acknowledges alerts, for the console to do the same. */
    public Acknowledgement acknowledgement() {
        return acknowledgement;
    }

    /** How this API searches the archive, for the console to search the same way. */
    public PostSearch postSearch() {
        return postSearch;
    }

    /** The router, for embedding into another server. */
    public Router router() {
        return router;
    }
}
