package de.wachposten.console;

import de.wachposten.config.Config;
import de.wachposten.config.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on with the organisation's OpenID Connect provider ({@code auth.oidc}): the authorization code flow
 * with PKCE (S256), through Vert.x's {@code vertx-auth-oauth2} client, configured by the provider's discovery
 * document. {@code GET /login/oidc} makes a state, a nonce and a PKCE verifier, keeps them in memory under a random
 * id in a short-lived pre-session cookie (path {@code /login/oidc}, {@code SameSite=Lax} so that it comes back with
 * the provider's redirect) and sends the browser to the provider. {@code GET /login/oidc/callback} takes the
 * pending sign-in (once), checks the state, exchanges the code with the verifier (the client validates the ID
 * token's signature, issuer, audience and expiry), checks the nonce and reads the configured claim: the user id.
 * Discovery runs at start; when it fails the error is logged, the link is not shown and the token sign-in works on.
 */
final class SingleSignOn {
    /** The pre-session cookie of a sign-in in progress. */
    static final String COOKIE = "wachposten_oidc";
    static final String PATH = "/login/oidc";
    static final String CALLBACK = PATH + "/callback";
    /** How long a sign-in at the provider may take. */
    static final Duration PENDING = Duration.ofMinutes(10);
    /** Most sign-ins in progress held at once; more and the oldest are dropped. */
    static final int MAX_PENDING = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);

    private record Pending(String state, String nonce, String verifier, Instant at) {}

    /** The outcome of a callback that got past the protocol checks: the claim's value and the user, if configured. */
    record Outcome(String claimValue, User user) {}

    private final Vertx vertx;
    private final Config config;
    private final Config.Oidc oidc;
    private final Clock clock;
    private final boolean secure;
    private final String redirectUri;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile OAuth2Auth client;
    private volatile Future<OAuth2Auth> discovering;

    SingleSignOn(Vertx vertx, Config config, Clock clock, boolean secure) {
        this.vertx = vertx;
        this.config = config;
        this.oidc = config.oidc();
        this.clock = clock;
        this.secure = secure;
        String base = String.valueOf(config.server().publicUrl());
        this.redirectUri = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK;
    }

    /** True when {@code auth.oidc} is configured. */
    boolean configured() {
        return oidc != null;
    }

    /** True once discovery succeeded. */
    boolean ready() {
        return client != null;
    }

    /** The provider's name for the link: the issuer's host. */
    String providerName() {
        return oidc.issuer().getHost();
    }

    /** Reads the provider's discovery document; a failure is logged (and tried again at the next sign-in). */
    synchronized Future<OAuth2Auth> discover() {
        if (client != null) {
            return Future.succeededFuture(client);
        }
        if (discovering != null) {
            return discovering;
        }
        if (!oidc.clientSecret().isSet()) {
            LOG.error("single sign-on is unavailable: auth.oidc.client_secret is not set (environment variable {}); "
                    + "the token sign-in keeps working",
                    oidc.clientSecret().envVar());
            return Future.failedFuture("auth.oidc.client_secret is not set");
        }
        OAuth2Options options = new OAuth2Options().setSite(oidc.issuer().toString()).setClientId(oidc.clientId())
                .setClientSecret(oidc.clientSecret().reveal());
        Future<OAuth2Auth> f = OpenIDConnectAuth.discover(vertx, options);
        discovering = f;
        return f.onComplete(r -> {
            synchronized (this) {
                discovering = null;
                if (r.succeeded()) {
                    client = r.result();
                    LOG.info("single sign-on: OpenID Connect provider {} discovered", oidc.issuer());
                } else {
                    LOG.error("single sign-on is unavailable: OpenID Connect discovery at {} failed: {}; the token "
                            + "sign-in keeps working", oidc.issuer(), r.cause().getMessage());
                }
            }
        });
    }

    /** {@code GET /login/oidc}: a new pending sign-in, then to the provider; {@code unavailable} when not ready. */
    void start(RoutingContext ctx, Runnable unavailable) {
        discover().onFailure(e -> unavailable.run()).onSuccess(c -> {
            Instant now = clock.instant();
            pending.values().removeIf(p -> expired(p, now));
            if (pending.size() >= MAX_PENDING) {
                pending.entrySet().stream().min(Map.Entry.comparingByValue(
                        java.util.Comparator.comparing(Pending::at))).ifPresent(e -> pending.remove(e.getKey()));
            }
            String id = Sessions.token();
            Pending p = new Pending(Sessions.token(), Sessions.token(), Sessions.token() + Sessions.token(), now);
            pending.put(id, p);
            String url = c.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(redirectUri)
                    .setScopes(List.of("openid", "profile", "email")).setState(p.state())
                    .setCodeChallenge(challenge(p.verifier())).setCodeChallengeMethod("S256")
                    .putAdditionalParameter("nonce", p.nonce()));
            ctx.response().addCookie(preCookie(id).setMaxAge(PENDING.toSeconds()));
            ctx.response().setStatusCode(303).putHeader("Location", url).end();
        });
    }

    /**
     * {@code GET /login/oidc/callback}: {@code refused} gets a reason for a failed or forged sign-in (logged without
     * codes or tokens), {@code done} the claim and the user.
     */
    void callback(RoutingContext ctx, Consumer<String> refused, Consumer<Outcome> done) {
        Cookie c = ctx.request().getCookie(COOKIE);
        ctx.response().addCookie(preCookie("").setMaxAge(0));
        Pending p = c == null ? null : pending.remove(c.getValue());
        if (p == null || expired(p, clock.instant())) {
            LOG.info("console single sign-on refused from {}: no sign-in in progress", ctx.request().remoteAddress());
            refused.accept("no_pending");
            return;
        }
        if (!same(p.state(), ctx.request().getParam("state"))) {
            LOG.warn("console single sign-on refused from {}: wrong state", ctx.request().remoteAddress());
            refused.accept("state");
            return;
        }
        String error = ctx.request().getParam("error");
        String code = ctx.request().getParam("code");
        if (error != null || code == null || code.isEmpty() || client == null) {
            LOG.info("console single sign-on: the provider returned {}", error == null ? "no code" : error);
            refused.accept("provider");
            return;
        }
        OAuth2Auth auth = client;
        auth.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE).setCode(code)
                        .setRedirectUri(redirectUri).setCodeVerifier(p.verifier()))
                .compose(user -> {
                    JsonObject idToken = user.attributes().getJsonObject("idToken");
                    if (idToken == null || !same(p.nonce(), idToken.getString("nonce"))) {
                        return Future.failedFuture(new IllegalStateException("ID token missing or nonce wrong"));
                    }
                    Object v = idToken.getValue(oidc.userClaim());
                    if (v != null) {
                        return Future.succeededFuture(String.valueOf(v));
                    }
                    return auth.userInfo(user).map(info -> info.getValue(oidc.userClaim()) == null ? null
                            : String.valueOf(info.getValue(oidc.userClaim())));
                })
                .onFailure(e -> {
                    LOG.warn("console single sign-on refused: {}", e.getMessage());
                    refused.accept("token");
                })
                .onSuccess(claim -> {
                    if (claim == null || claim.isBlank()) {
                        LOG.warn("console single sign-on refused: the ID token has no claim '{}'", oidc.userClaim());
                        refused.accept("claim");
                        return;
                    }
                    done.accept(new Outcome(claim, config.user(claim).orElse(null)));
                });
    }

    private Cookie preCookie(String value) {
        return Cookie.cookie(COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.LAX).setPath(PATH)
                .setSecure(secure);
    }

    private static boolean expired(Pending p, Instant now) {
        return !p.at().plus(PENDING).isAfter(now);
    }

    /** The PKCE S256 challenge of {@code verifier}. */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
