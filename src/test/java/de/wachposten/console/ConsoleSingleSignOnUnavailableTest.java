package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.ConfigLoader;
import de.wachposten.testkit.LogCapture;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth.oidc} whose provider cannot be reached: a clear error in the log, the token sign-in works on. */
class ConsoleSingleSignOnUnavailableTest {
    @TempDir
    Path dir;

    @Test
    void aFailedDiscoveryIsLoggedAndTheTokenSignInKeepsWorking() throws Exception {
        int port = ConsoleSingleSignOnTest.freePort();
        String base = "http://127.0.0.1:" + port;
        String issuer = "http://127.0.0.1:" + ConsoleSingleSignOnTest.freePort();
        Path config = dir.resolve("wachposten.yaml");
        Files.writeString(config, ConsoleSingleSignOnTest.config(port, base, dir, issuer));
        try (LogCapture log = LogCapture.capture()) {
            Daemon daemon = Daemon.start(ConfigLoader.load(config, Map.of("OIDC_SECRET", "s")), Wiring.defaults())
                    .await(30, TimeUnit.SECONDS);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> log.text().contains(
                        "single sign-on is unavailable: OpenID Connect discovery at " + issuer + " failed"));
                assertThat(log.text()).contains("the token sign-in keeps working");
                HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                String login = get(c, base + "/login").body();
                assertThat(login).doesNotContain("/login/oidc");
                HttpResponse<String> sso = get(c, base + "/login/oidc");
                assertThat(sso.statusCode()).isEqualTo(503);
                assertThat(sso.body()).contains("Single sign-on is unavailable");
                String csrf = ConsoleFixture.csrf(get(c, base + "/login").body());
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=test-anna&csrf="
                                + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(303);
                assertThat(r.headers().firstValue("Location")).contains("/alerts");
                assertThat(get(c, base + "/alerts").statusCode()).isEqualTo(200);
            } finally {
                daemon.stop().await(20, TimeUnit.SECONDS);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient c, String uri) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
