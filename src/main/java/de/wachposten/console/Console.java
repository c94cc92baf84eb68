package de.wachposten.console;

import de.wachposten.alert.AlertService;
import de.wachposten.api.Access;
import de.wachposten.api.Acknowledgement;
import de.wachposten.api.ApiException;
import de.wachposten.api.Auth;
import de.wachposten.api.ChannelBoard;
import de.wachposten.api.DraftDecisions;
import de.wachposten.api.PlanUpload;
import de.wachposten.api.PostSearch;
import de.wachposten.approval.ApprovalMatcher;
import de.wachposten.config.Config;
import de.wachposten.config.User;
import de.wachposten.report.ReportBuilder;
import de.wachposten.rules.Ruleset;
import de.wachposten.store.Store;
import gg.jte.ContentType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console on the API's router (README, "Console"; PRODUCT §7 "Web console"). Sign-in with the API token
 * ({@code GET}/{@code POST /login}, field {@code token}) into a server-side session ({@link Sessions}) whose id lives
 * in an {@code HttpOnly}, {@code SameSite=Strict} cookie ({@code Secure} when {@code server.public_url} is https);
 * {@code POST /logout}; {@code GET /} leads to {@code /login} or {@code /alerts}. With {@code auth.oidc}, also single
 * sign-on with the organisation's OpenID Connect provider ({@code /login/oidc}, {@link SingleSignOn}) into the same
 * kind of session. Failed sign-ins (token or single sign-on) are limited per client address ({@link SignInLimiter}:
 * 429 with {@code Retry-After}), counted in {@value #REFUSED_METER}. Every form carries the session's
 * CSRF token (the sign-in form a token of its own, in a short-lived cookie) and every {@code POST} without the right
 * one gets 403. Every response carries {@link #CSP} and the other headers of {@link #headers}.
 */
public final class Console {
    /** The session cookie. */
    static final String COOKIE = "wachposten_session";
    /** The sign-in form's CSRF cookie (before there is a session). */
    static final String LOGIN_COOKIE = "wachposten_login";
    /** Name of the CSRF field of every form. */
    static final String CSRF = "csrf";
    /** No inline script or style, no framing, forms only to this origin. */
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
    static final long BODY_LIMIT = 64 * 1024;
    /** Refused sign-ins, by method ({@code token}, {@code oidc}) and reason ({@code invalid}, {@code rate_limited}). */
    static final String REFUSED_METER = "wachposten.console.sign_ins.refused";

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final String VISIT = "wachposten.console.visit";
    private static final List<String> PATHS = List.of("/", "/login", "/login/oidc", "/login/oidc/callback", "/logout", "/alerts", "/alerts/*", "/drafts",
            "/drafts/*", "/channels", "/search", "/report", "/report/*", "/check", "/static/*");
    /** Largest editorial plan upload. */
    static final long PLAN_LIMIT = 2 * 1024 * 1024;

    /** Who is asking, in which session and language. */
    record Visit(Sessions.Session session, User user, ConsoleText t) {
        Views.Page page(String titleKey, String active) {
            return new Views.Page(t, t.t(titleKey), user.name(), session.csrf, active, session.takeFlash());
        }
    }

    /** What a page or form does once the visit is known. */
    interface Action {
        void handle(RoutingContext ctx, Visit visit);
    }

    private final Vertx vertx;
    private final Config config;
    private final Auth auth;
    private final Sessions sessions;
    private final boolean secure;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final AlertPages alertPages;
    private final DraftPages draftPages;
    private final AlertEvents events;
    private final ChannelPages channelPages;
    private final SearchPages searchPages;
    private final ReportPages reportPages;
    private final CheckPages checkPages;
    private final SingleSignOn sso;
    private final SignInLimiter limiter;
    private final MeterRegistry registry;

    /** A console without live channel health, with an empty ruleset and meters of its own (tests). */
    public Console(Vertx vertx, Config config, Store store, Clock clock, AlertService alerts, DraftDecisions drafts,
                   Acknowledgement acknowledgement, PostSearch search) {
        this(vertx, config, store, clock, alerts, drafts, acknowledgement, search, Map::of,
                constant(Ruleset.empty()), new SimpleMeterRegistry());
    }

    /**
     * @param drafts          the API's decisions on drafts (four-eyes, late approval)
     * @param acknowledgement the API's acknowledgement of alerts
     * @param search          the API's archive search
     * @param channelHealth   the daemon's live poll status per channel id (cheap, thread-safe snapshot)
     * @param rules           the ruleset in use ({@link de.wachposten.rules.LiveRules#current})
     * @param registry        where {@value #REFUSED_METER} is counted
     */
    public Console(Vertx vertx, Config config, Store store, Clock clock, AlertService alerts, DraftDecisions drafts,
                   Acknowledgement acknowledgement, PostSearch search,
                   Supplier<Map<String, Object>> channelHealth, Supplier<Ruleset> rules, MeterRegistry registry) {
        this.vertx = vertx;
        this.limiter = new SignInLimiter(clock);
        this.registry = registry;
        for (String method : List.of("token", "oidc")) {
            for (String reason : List.of("invalid", "rate_limited")) {
                refused(method, reason); // every series from the start, at 0
            }
        }
        this.config = config;
        this.auth = new Auth(config.users());
        this.sessions = new Sessions(clock);
        this.secure = config.server().publicUrl() != null && "https".equalsIgnoreCase(
                config.server().publicUrl().getScheme());
        this.sso = config.oidc() == null ? null : new SingleSignOn(vertx, config, clock, secure);
        if (sso != null) {
            sso.discover();
        }
        Access access = new Access(config);
        ApprovalMatcher matcher = new ApprovalMatcher();
        this.checkPages = new CheckPages(this, config, store, clock, rules, matcher);
        this.alertPages = new AlertPages(this, config, store, access, acknowledgement, matcher, checkPages);
        this.draftPages = new DraftPages(this, config, drafts, new PlanUpload(config, store, clock));
        this.events = new AlertEvents(vertx, this, alerts);
        this.channelPages = new ChannelPages(this, config, clock, new ChannelBoard(access, store, channelHealth));
        this.searchPages = new SearchPages(this, config, search);
        this.reportPages = new ReportPages(this, config, new ReportBuilder(store, config, clock));
    }

    private static <T> Supplier<T> constant(T value) {
        return () -> value;
    }

    /** Adds the console's routes to {@code r} (the API server's router). */
    public void mount(Router r) {
        PATHS.forEach(p -> r.route(p).handler(Console::headers));
        r.get("/static/*").handler(StaticHandler.create("webroot").setCachingEnabled(false)
                .setDirectoryListing(false).setIncludeHidden(false));
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        r.post("/login").handler(body);
        r.post("/logout").handler(body);
        r.post("/alerts/*").handler(body);
        r.post("/drafts").handler(body);
        r.post("/drafts/:id/approve").handler(body);
        r.post("/drafts/:id/reject").handler(body);
        r.post("/check").handler(body);
        r.post("/drafts/plan").handler(BodyHandler.create(true).setBodyLimit(PLAN_LIMIT)
                .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/wachposten-uploads")
                .setDeleteUploadedFilesOnEnd(true));
        r.get("/").handler(this::root);
        r.get("/login").handler(this::loginPage);
        r.post("/login").handler(this::login);
        r.get(SingleSignOn.PATH).handler(this::ssoStart);
        r.get(SingleSignOn.CALLBACK).handler(this::ssoCallback);
        r.post("/logout").handler(form(this::logout));
        r.get("/alerts").handler(page(alertPages::inbox));
        r.get("/alerts/events").handler(ctx -> visit(ctx).ifPresentOrElse(v -> events.stream(ctx, v),
                () -> ctx.response().setStatusCode(401).end()));
        r.get("/alerts/:id").handler(page(alertPages::detail));
        r.post("/alerts/:id/ack").handler(form(alertPages::acknowledge));
        r.get("/drafts").handler(page(draftPages::list));
        r.post("/drafts").handler(form(draftPages::submit));
        r.post("/drafts/:id/approve").handler(form(draftPages::approve));
        r.post("/drafts/:id/reject").handler(form(draftPages::reject));
        r.post("/drafts/plan").handler(form(draftPages::importPlan));
        r.get("/channels").handler(page(channelPages::board));
        r.get("/search").handler(page(searchPages::search));
        r.get("/report").handler(page(reportPages::page));
        r.get("/report/download").handler(page(reportPages::download));
        r.get("/check").handler(page(checkPages::form));
        r.post("/check").handler(form(checkPages::check));
    }

    /** The security headers of every console response. */
    static void headers(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }

    private void root(RoutingContext ctx) {
        redirect(ctx, visit(ctx).isPresent() ? "/alerts" : "/login");
    }

    private void loginPage(RoutingContext ctx) {
        if (visit(ctx).isPresent()) {
            redirect(ctx, "/alerts");
            return;
        }
        ConsoleText t = ConsoleText.choose(null, config, ctx.request().getHeader("Accept-Language"));
        String msg = ctx.request().getParam("signed_out") != null ? t.t("logged_out") : null;
        loginForm(ctx, t, 200, null, msg);
    }

    private void loginForm(RoutingContext ctx, ConsoleText t, int status, String error, String flash) {
        String loginCsrf = Sessions.token();
        ctx.response().addCookie(cookie(LOGIN_COOKIE, loginCsrf).setMaxAge(3600));
        html(ctx, status, "login.jte", new Views.Login(new Views.Page(t, t.t("login.title"), null, null, "login",
                flash), loginCsrf, error, sso != null && sso.ready() ? t.t("login.sso") + " " + sso.providerName()
                : null));
    }

    private void login(RoutingContext ctx) {
        ConsoleText t = ConsoleText.choose(null, config, ctx.request().getHeader("Accept-Language"));
        Cookie expected = ctx.request().getCookie(LOGIN_COOKIE);
        if (expected == null || !same(expected.getValue(), ctx.request().getFormAttribute(CSRF))) {
            message(ctx, t, null, 403, t.t("error.csrf"));
            return;
        }
        String address = clientAddress(ctx);
        Optional<Duration> wait = limiter.refusedFor(address);
        if (wait.isPresent()) {
            refused("token", "rate_limited").increment();
            retryAfter(ctx, wait.get());
            loginForm(ctx, t, 429, limited(t, wait.get()), null);
            return;
        }
        String token = ctx.request().getFormAttribute("token");
        User user = token == null || token.isBlank() ? null : auth.authenticate(token.strip());
        if (user == null) {
            LOG.info("console sign-in refused from {}", address);
            failed(address, "token");
            loginForm(ctx, t, 401, t.t("login.failed"), null);
            return;
        }
        signIn(ctx, user, "token");
        redirect(ctx, "/alerts");
    }

    /** A new session for {@code user} (a new id; an earlier session of the browser ends) in the session cookie. */
    private void signIn(RoutingContext ctx, User user, String how) {
        visit(ctx).ifPresent(v -> sessions.end(v.session()));
        Sessions.Session s = sessions.create(user.id());
        LOG.info("console: {} signed in ({})", user.id(), how);
        ctx.response().addCookie(cookie(COOKIE, s.id));
        ctx.response().addCookie(cookie(LOGIN_COOKIE, "").setMaxAge(0));
    }

    /** {@code GET /login/oidc}: to the OpenID Connect provider, or a 503 page when single sign-on is unavailable. */
    private void ssoStart(RoutingContext ctx) {
        ConsoleText t = ConsoleText.choose(null, config, ctx.request().getHeader("Accept-Language"));
        if (sso == null) {
            message(ctx, t, null, 404, t.t("error.not_found"));
            return;
        }
        if (tooMany(ctx, t)) {
            return;
        }
        sso.start(ctx, () -> message(ctx, t, null, 503, t.t("sso.unavailable")));
    }

    /**
     * {@code GET /login/oidc/callback}: a session for the configured user the provider's claim names, 403 for anybody
     * else or a forged or stale sign-in. On success a page that moves on to {@code /alerts} by a {@code Refresh}
     * header: a redirect would continue the provider's cross-site navigation, in which browsers do not send the
     * {@code SameSite=Strict} session cookie.
     */
    private void ssoCallback(RoutingContext ctx) {
        ConsoleText t = ConsoleText.choose(null, config, ctx.request().getHeader("Accept-Language"));
        if (sso == null) {
            message(ctx, t, null, 404, t.t("error.not_found"));
            return;
        }
        if (tooMany(ctx, t)) {
            return;
        }
        String address = clientAddress(ctx);
        sso.callback(ctx, reason -> {
            failed(address, "oidc");
            message(ctx, t, null, 403, t.t("sso.refused." + reason));
        }, outcome -> {
            if (outcome.user() == null) {
                LOG.info("console single sign-on refused: user {} is not configured", outcome.claimValue());
                failed(address, "oidc");
                message(ctx, t, null, 403, t.t("sso.unknown_user").replace("{0}", Views.inert(outcome.claimValue())));
                return;
            }
            signIn(ctx, outcome.user(), "single sign-on");
            ConsoleText ut = ConsoleText.choose(outcome.user(), config, ctx.request().getHeader("Accept-Language"));
            ctx.response().putHeader("Refresh", "0; url=/alerts");
            html(ctx, 200, "signed_in.jte", new Views.Message(new Views.Page(ut, ut.t("login.title"), null, null,
                    "login", null), 200, ut.t("sso.signed_in")));
        });
    }

    /**
     * True (and the 429 page sent, with {@code Retry-After}) when single sign-on from the request's address is
     * refused for now.
     */
    private boolean tooMany(RoutingContext ctx, ConsoleText t) {
        Optional<Duration> wait = limiter.refusedFor(clientAddress(ctx));
        if (wait.isEmpty()) {
            return false;
        }
        refused("oidc", "rate_limited").increment();
        retryAfter(ctx, wait.get());
        message(ctx, t, null, 429, limited(t, wait.get()));
        return true;
    }

    /** Counts a failed sign-in of {@code address} (logged once when it reaches the limit). */
    private void failed(String address, String method) {
        refused(method, "invalid").increment();
        limiter.failed(address);
        if (limiter.refusedFor(address).isPresent()) {
            LOG.warn("console: sign-ins from {} refused for up to {} min after {} failures", address,
                    SignInLimiter.WINDOW.toMinutes(), SignInLimiter.MAX_FAILURES);
        }
    }

    private Counter refused(String method, String reason) {
        return Counter.builder(REFUSED_METER).description("Console sign-ins refused, by method and reason")
                .tag("method", method).tag("reason", reason).register(registry);
    }

    /** The message of a refusal by the limiter: when to try again, in the reader's language and zone. */
    private static String limited(ConsoleText t, Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return t.t("login.limited").replace("{0}", String.valueOf(minutes));
    }

    private static void retryAfter(RoutingContext ctx, Duration wait) {
        ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }

    /** The client's address as the connection shows it (behind a reverse proxy: the proxy's). */
    private static String clientAddress(RoutingContext ctx) {
        io.vertx.core.net.SocketAddress a = ctx.request().remoteAddress();
        if (a == null) {
            return "unknown";
        }
        return a.hostAddress() != null ? a.hostAddress() : String.valueOf(a.host());
    }

    private void logout(RoutingContext ctx, Visit v) {
        sessions.end(v.session());
        ctx.response().addCookie(cookie(COOKIE, "").setMaxAge(0));
        redirect(ctx, "/login?signed_out=1");
    }

    /** A page for signed-in users; others are sent to {@code /login}. */
    private Handler<RoutingContext> page(Action action) {
        return ctx -> visit(ctx).ifPresentOrElse(v -> action.handle(ctx, v), () -> redirect(ctx, "/login"));
    }

    /** A form POST: needs a session (else to {@code /login}) and its CSRF token (else 403). */
    private Handler<RoutingContext> form(Action action) {
        return ctx -> {
            Optional<Visit> v = visit(ctx);
            if (v.isEmpty()) {
                redirect(ctx, "/login");
            } else if (!v.get().session().csrfMatches(ctx.request().getFormAttribute(CSRF))) {
                message(ctx, v.get().t(), v.get(), 403, v.get().t().t("error.csrf"));
            } else {
                action.handle(ctx, v.get());
            }
        };
    }

    /** The visit of the request's session cookie, if it names a live session of a configured user. */
    Optional<Visit> visit(RoutingContext ctx) {
        Visit cached = ctx.get(VISIT);
        if (cached != null) {
            return Optional.of(cached);
        }
        Cookie c = ctx.request().getCookie(COOKIE);
        Optional<Visit> v = sessions.find(c == null ? null : c.getValue())
                .flatMap(s -> config.user(s.userId).map(u -> new Visit(s, u,
                        ConsoleText.choose(u, config, ctx.request().getHeader("Accept-Language")))));
        v.ifPresent(x -> ctx.put(VISIT, x));
        return v;
    }

    Vertx vertx() {
        return vertx;
    }

    /** True while the visit's session has neither ended nor expired. */
    boolean live(Visit v) {
        return sessions.live(v.session());
    }

    /** Runs {@code work} on a worker, then {@code then} on the event loop; a failure becomes an error page. */
    <T> void blocking(RoutingContext ctx, Visit v, Callable<T> work, Consumer<T> then) {
        vertx.executeBlocking(work, false).onSuccess(then::accept).onFailure(e -> failed(ctx, v, e));
    }

    /** The page for a failure: an {@link ApiException}'s status and message, else 500 (logged). */
    void failed(RoutingContext ctx, Visit v, Throwable e) {
        if (e instanceof ApiException a) {
            String text = a.status() == 404 ? v.t().t("error.not_found") : a.getMessage();
            message(ctx, v.t(), v, a.status(), text);
            return;
        }
        LOG.error("console: {} {} failed", ctx.request().method(), ctx.request().path(), e);
        message(ctx, v.t(), v, 500, v.t().t("error.internal"));
    }

    void message(RoutingContext ctx, ConsoleText t, Visit v, int status, String text) {
        Views.Page page = v == null ? new Views.Page(t, t.t("error.title"), null, null, "", null)
                : v.page("error.title", "");
        html(ctx, status, "message.jte", new Views.Message(page, status, text));
    }

    void html(RoutingContext ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end(out.toString());
    }

    /** A fragment: {@code template} rendered with {@code params} (its {@code @param}s by name). */
    String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }

    static void redirect(RoutingContext ctx, String location) {
        HttpServerResponse r = ctx.response();
        r.setStatusCode(303).putHeader("Location", location).end();
    }

    /** Session and CSRF cookies: {@code HttpOnly}, {@code SameSite=Strict}, {@code Path=/}, {@code Secure} on https. */
    private Cookie cookie(String name, String value) {
        return Cookie.cookie(name, value).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setPath("/")
                .setSecure(secure);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isEmpty() && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
