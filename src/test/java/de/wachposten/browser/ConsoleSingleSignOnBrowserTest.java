package de.wachposten.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.demo.Demo;
import de.wachposten.testkit.ExternalProgram;
import de.wachposten.testkit.OidcProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on in a real headless Chromium: the daemon with {@code auth.oidc} against a real OpenID provider
 * ({@link OidcProvider}, npm {@code oidc-provider}) on loopback. The console's public URL is
 * {@code http://console.test:PORT}, which Chromium maps to 127.0.0.1 ({@code --host-resolver-rules}), while the
 * provider is at {@code http://127.0.0.1:PORT}: the two are different sites, as an organisation's provider and the
 * console are, so the browser applies its cross-site cookie rules ({@code SameSite}) on the way back from the provider.
 */
class ConsoleSingleSignOnBrowserTest {
    static final String CLIENT_ID = "wachposten-console";
    static final String CLIENT_SECRET = "test-client-secret-0123456789abcdef";

    static OidcProvider provider;
    static int port;
    static String publicUrl;
    private ConsoleStack stack;

    /** Starts the provider when the browser tools are there; without them each test is skipped by {@link #tools}. */
    @BeforeAll
    static void provider() {
        if (!ExternalProgram.installed("node") || !ExternalProgram.installed("chromium")
                || !Files.exists(OidcProvider.DIR.resolve("node_modules/oidc-provider/package.json"))) {
            return;
        }
        port = OidcProvider.freePort();
        publicUrl = "http://console.test:" + port;
        provider = OidcProvider.start(CLIENT_ID, CLIENT_SECRET, publicUrl + "/login/oidc/callback");
    }

    /** Per test, so without Chromium or Node.js each test is reported skipped with the install command. */
    @BeforeEach
    void tools() {
        BrowserKit.require();
        OidcProvider.require();
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The stack with single sign-on, once its discovery at the provider is done (the link is on /login). */
    private ConsoleStack stack() throws Exception {
        stack = new ConsoleStack("2016-01-08T06:29:00", ConsoleStack.Settings.plain().withSso(new ConsoleStack.Sso(
                provider.issuer(), CLIENT_ID, CLIENT_SECRET, port, publicUrl)));
        HttpClient http = HttpClient.newHttpClient();
        URI login = URI.create(stack.local() + "/login");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> http.send(
                HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("href=\"/login/oidc\""));
        return stack;
    }

    private static JsonObject run(ConsoleStack s, JsonObject params) throws Exception {
        try (BrowserKit.Run run = BrowserKit.start("sso", s.base(), params.put("chromiumArgs",
                new JsonArray().add("--host-resolver-rules=MAP console.test 127.0.0.1")))) {
            JsonObject r = run.result();
            System.out.println("[sso] " + r.encodePrettily());
            return r;
        }
    }

    @Test
    void aConfiguredUserSignsInAtTheProviderAndLandsOnTheOfficesAlerts() throws Exception {
        ConsoleStack s = stack();
        String post = s.publishSms("2016-01-08T06:30:00", Demo.INCIDENT_TEXT, "Twitter for Windows");
        String id = s.awaitAlertId("sms-sachsen", post);
        JsonObject r = run(s, new JsonObject().put("login", "bernd").put("lang", "de").put("signedIn", true));
        assertThat(r.getString("start")).isEqualTo("/login");
        assertThat(r.getString("link")).isEqualTo("Anmelden mit 127.0.0.1");
        assertThat(r.getJsonArray("provider").getList()).as("the provider's pages").containsExactly(
                "127.0.0.1:" + URI.create(provider.issuer()).getPort() + " login",
                "127.0.0.1:" + URI.create(provider.issuer()).getPort() + " consent");
        JsonObject end = r.getJsonObject("end");
        assertThat(end.getString("url")).isEqualTo(publicUrl + "/alerts");
        assertThat(end.getString("who")).contains("Bernd Beispiel");
        assertThat(end.getJsonArray("rows").getList()).containsExactly(id);
        assertThat(end.getString("text")).contains(Demo.INCIDENT_TEXT);
        JsonObject session = end.getJsonArray("cookies").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("wachposten_session")).findFirst().orElseThrow();
        assertThat(session.getString("domain")).isEqualTo("console.test");
        assertThat(session.getBoolean("httpOnly")).isTrue();
        assertThat(session.getString("sameSite")).isEqualTo("Strict");
        assertThat(end.getJsonArray("cookies").stream().map(JsonObject.class::cast).map(c -> c.getString("name")))
                .as("the sign-in in progress is over").doesNotContain("wachposten_oidc");
        assertThat(r.getJsonArray("navigations").getList()).as("navigations").contains("200 /login/oidc/callback",
                "200 /alerts");
        assertThat(r.getString("afterwards")).isEqualTo("/alerts");
        ConsoleBrowserTest.noScriptEvents(r.getJsonObject("events"));
    }

    @Test
    void aUserTheProviderKnowsButWachpostenDoesNotIsRefusedWithAClearMessage() throws Exception {
        ConsoleStack s = stack();
        s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:30:00", Demo.INCIDENT_TEXT, "Twitter for Windows"));
        for (String lang : List.of("en", "de")) {
            JsonObject r = run(s, new JsonObject().put("login", "mallory").put("lang", lang).put("signedIn", false));
            JsonObject end = r.getJsonObject("end");
            assertThat(end.getString("path")).isEqualTo("/login/oidc/callback");
            assertThat(end.getString("text")).contains(lang.equals("en")
                    ? "User mallory is not configured in Wachposten."
                    : "Benutzer mallory ist in Wachposten nicht eingerichtet.")
                    .doesNotContain(Demo.INCIDENT_TEXT);
            assertThat(end.getString("who")).isNull();
            assertThat(end.getJsonArray("rows").getList()).isEmpty();
            assertThat(end.getJsonArray("cookies").stream().map(JsonObject.class::cast).map(c -> c.getString("name")))
                    .doesNotContain("wachposten_session");
            assertThat(r.getJsonArray("navigations").getList()).contains("403 /login/oidc/callback");
            assertThat(r.getString("afterwards")).as("still signed out").isEqualTo("/login");
            ConsoleBrowserTest.noScriptEvents(r.getJsonObject("events"), "403 /login/oidc/callback");
        }
    }
}
