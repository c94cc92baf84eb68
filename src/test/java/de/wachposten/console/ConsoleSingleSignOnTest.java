package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.ConfigLoader;
import de.wachposten.testkit.ExternalProgram;
import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.OidcProvider;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on against a real OpenID Connect provider ({@link OidcProvider}: npm {@code oidc-provider} from
 * {@code src/test/oidc} run with the machine's Node.js), and the real daemon with {@code auth.oidc}. The flow is walked by an HTTP client that keeps
 * cookies and follows redirects by hand, submitting the provider's development login and consent forms. Node.js or
 * the provider's {@code node_modules} missing: skipped outside CI with the install command, failed with
 * {@code CI=true}.
 */
class ConsoleSingleSignOnTest {
    static final String CLIENT_ID = "wachposten-console";
    static final String CLIENT_SECRET = "test-client-secret-0123456789abcdef";
    static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>.*?name=\"prompt\" value=\"(\\w+)\"",
            Pattern.DOTALL);

    @TempDir
    static Path dir;
    static OidcProvider provider;
    static Daemon daemon;
    static LogCapture log;
    static String base;
    static String issuer;

    static final Path PROVIDER_MODULE = OidcProvider.DIR.resolve("node_modules/oidc-provider/package.json");

    /** Starts the provider and the daemon, when Node.js and the provider are there (else each test is skipped). */
    @BeforeAll
    static void start() throws Exception {
        if (!ExternalProgram.installed("node") || !Files.exists(PROVIDER_MODULE)) {
            return;
        }
        int daemonPort = freePort();
        base = "http://127.0.0.1:" + daemonPort;
        provider = OidcProvider.start(CLIENT_ID, CLIENT_SECRET, base + "/login/oidc/callback");
        issuer = provider.issuer();
        Path config = dir.resolve("wachposten.yaml");
        Files.writeString(config, config(daemonPort, base, dir, issuer));
        log = LogCapture.capture();
        daemon = Daemon.start(ConfigLoader.load(config, Map.of("OIDC_SECRET", CLIENT_SECRET)), Wiring.defaults())
                .await(30, TimeUnit.SECONDS);
        HttpClient c = client();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                get(c, URI.create(base + "/login")).body().contains("href=\"/login/oidc\""));
    }

    /** Per test, so without Node.js each test is reported skipped with the install command (failed with CI=true). */
    @BeforeEach
    void requirements() {
        OidcProvider.require();
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.stop().await(20, TimeUnit.SECONDS);
        }
        if (log != null) {
            log.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aConfiguredUserSignsInAtTheProviderAndGetsAConsoleSession() throws Exception {
        HttpClient c = client();
        String login = get(c, URI.create(base + "/login")).body();
        assertThat(login).contains("Sign in with 127.0.0.1");
        HttpResponse<String> start = get(c, URI.create(base + "/login/oidc"));
        assertThat(start.statusCode()).isEqualTo(303);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer + "/auth?").contains("code_challenge_method=S256")
                .contains("code_challenge=").contains("nonce=").contains("state=")
                .contains("redirect_uri=" + URLEncoder.encode(base + "/login/oidc/callback", StandardCharsets.UTF_8))
                .doesNotContain("code_verifier");
        assertThat(start.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("wachposten_oidc=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/login/oidc");

        HttpResponse<String> done = walk(c, URI.create(authorize), "anna", UnaryOperator.identity());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.headers().firstValue("Refresh")).contains("0; url=/alerts");
        List<String> cookies = done.headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(s -> s.startsWith(Console.COOKIE + "=")).singleElement().asString()
                .containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        HttpResponse<String> alerts = get(c, URI.create(base + "/alerts"));
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(alerts.body()).contains("Anna Beispiel");
        assertThat(log.text()).contains("console: anna signed in (single sign-on)").doesNotContain(CLIENT_SECRET);
    }

    @Test
    void anAccountThatNamesNoConfiguredUserIsRefused() throws Exception {
        HttpClient c = client();
        URI authorize = URI.create(get(c, URI.create(base + "/login/oidc")).headers().firstValue("Location")
                .orElseThrow());
        HttpResponse<String> done = walk(c, authorize, "mallory", UnaryOperator.identity());
        assertThat(done.statusCode()).isEqualTo(403);
        assertThat(done.body()).contains("User mallory is not configured in Wachposten.");
        assertThat(done.headers().allValues("Set-Cookie")).noneMatch(s -> s.startsWith(Console.COOKIE + "="));
        assertThat(get(c, URI.create(base + "/alerts")).statusCode()).isEqualTo(303);
    }

    @Test
    void aTamperedStateIsRefused() throws Exception {
        HttpClient c = client();
        URI authorize = URI.create(get(c, URI.create(base + "/login/oidc")).headers().firstValue("Location")
                .orElseThrow());
        HttpResponse<String> done = walk(c, authorize, "anna",
                u -> URI.create(u.toString().replaceFirst("state=[^&]+", "state=forged")));
        assertThat(done.statusCode()).isEqualTo(403);
        assertThat(done.body()).contains("does not belong to this sign-in");
        assertThat(done.headers().allValues("Set-Cookie")).noneMatch(s -> s.startsWith(Console.COOKIE + "="));
        assertThat(get(c, URI.create(base + "/alerts")).statusCode()).isEqualTo(303);
    }

    @Test
    void aCallbackWithoutASignInInProgressIsRefused() throws Exception {
        HttpResponse<String> r = get(client(), URI.create(base + "/login/oidc/callback?code=x&state=y"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("No sign-in in progress");
    }

    @Test
    void tenRefusedCallbacksFromAnAddressGet429WithRetryAfterThereWhileOtherAddressesSignIn() throws Exception {
        // from 127.0.0.3, so that the other tests of this class (from 127.0.0.1) are not limited
        HttpClient guesser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .localAddress(java.net.InetAddress.getByName("127.0.0.3")).build();
        for (int i = 0; i < 10; i++) {
            assertThat(get(guesser, URI.create(base + "/login/oidc/callback?code=x&state=y")).statusCode())
                    .isEqualTo(403);
        }

        HttpResponse<String> limited = get(guesser, URI.create(base + "/login/oidc/callback?code=x&state=y"));
        HttpResponse<String> start = get(guesser, URI.create(base + "/login/oidc"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 900L));
        assertThat(limited.body()).contains("Too many failed sign-ins from your address");
        assertThat(start.statusCode()).isEqualTo(429);
        assertThat(get(client(), URI.create(base + "/login/oidc")).statusCode()).as("another address")
                .isEqualTo(303);
        String metrics = get(client(), URI.create(base + "/metrics")).body();
        assertThat(metrics).contains("wachposten_console_sign_ins_refused_total{method=\"oidc\",reason=\"rate_limited\"} 2.0");
    }

    /**
     * Follows the flow from the authorization URL: redirects by hand, the provider's login form (as {@code login})
     * and consent form submitted, until the redirect to the console's callback, which is requested after
     * {@code callback} rewrote it; returns the callback's response.
     */
    private static HttpResponse<String> walk(HttpClient c, URI at, String login, UnaryOperator<URI> callback)
            throws Exception {
        HttpResponse<String> r = get(c, at);
        for (int step = 0; step < 20; step++) {
            if (r.statusCode() / 100 == 3) {
                URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
                if (next.toString().startsWith(base + "/login/oidc/callback")) {
                    assertThat(next.getQuery()).contains("code=").contains("state=");
                    return get(c, callback.apply(next));
                }
                r = get(c, next);
            } else if (r.statusCode() == 200) {
                Matcher m = FORM.matcher(r.body());
                assertThat(m.find()).as("a form of the provider in %s", r.body()).isTrue();
                URI action = r.uri().resolve(m.group(1).replace("&amp;", "&"));
                String form = switch (m.group(2)) {
                    case "login" -> "prompt=login&login=" + login + "&password=any";
                    case "consent" -> "prompt=consent";
                    default -> throw new AssertionError("unexpected prompt " + m.group(2));
                };
                r = c.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } else {
                throw new AssertionError("unexpected " + r.statusCode() + " at " + r.uri() + ": " + r.body());
            }
        }
        throw new AssertionError("the flow did not reach the callback");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient c, URI uri) throws Exception {
        return c.send(HttpRequest.newBuilder(uri).header("Accept-Language", "en").timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A daemon config on {@code port} with {@code auth.oidc} at {@code issuer} and the user anna (token test-anna). */
    static String config(int port, String base, Path dir, String issuer) throws Exception {
        return """
                server:
                  host: 127.0.0.1
                  port: %d
                  public_url: %s
                store:
                  path: %s
                auth:
                  oidc:
                    issuer: %s
                    client_id: %s
                    client_secret: ${OIDC_SECRET}
                offices:
                  - id: sms-presse
                    name: Pressestelle SMS
                    sinks:
                      - type: webhook
                        url: http://127.0.0.1:9/hook
                        secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                users:
                  - id: anna
                    name: Anna Beispiel
                    roles: [drafter]
                    offices: [sms-presse]
                    token_sha256: %s
                """.formatted(port, base, dir.resolve("wachposten.db"), issuer, CLIENT_ID,
                sha256("test-anna"));
    }

    static int freePort() {
        return OidcProvider.freePort();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
