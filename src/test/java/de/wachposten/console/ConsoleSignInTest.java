package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleSignInTest {
    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void rootLeadsToTheSignInUntilSignedInThenToTheInbox() {
        ConsoleFixture.Browser b = console.browser();
        HttpResponse<String> r = b.get("/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/login");
        assertThat(b.get("/alerts").headers().firstValue("Location")).contains("/login");

        b.signIn("anna");

        assertThat(b.get("/").headers().firstValue("Location")).contains("/alerts");
        assertThat(b.get("/alerts").statusCode()).isEqualTo(200);
    }

    @Test
    void theSignInFormPostsAFieldNamedTokenAndTheSessionCookieIsHttpOnlyStrictAndPathRoot() {
        ConsoleFixture.Browser b = console.browser();
        String form = b.get("/login").body();
        assertThat(form).contains("<form method=\"post\" action=\"/login\"").contains("name=\"token\"")
                .contains("<label for=\"token\">");

        HttpResponse<String> r = b.signIn("anna");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/alerts");
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Console.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("; HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContainIgnoringCase("Secure").doesNotContain("anna-token");
        assertThat(b.get("/alerts").body()).contains("Anna Beispiel");
    }

    @Test
    void theSessionCookieIsSecureWhenThePublicUrlIsHttps() {
        try (ConsoleFixture https = new ConsoleFixture(java.net.URI.create("https://wachposten.example.org"))) {
            HttpResponse<String> r = https.browser().signIn("anna");

            assertThat(r.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(Console.COOKIE + "="))
                    .singleElement().asString().containsIgnoringCase("; Secure");
        }
    }

    @Test
    void aWrongTokenIsRefusedWithTheFormAgainAndNoSession() {
        ConsoleFixture.Browser b = console.browser();
        String csrf = ConsoleFixture.csrf(b.get("/login").body());

        HttpResponse<String> r = b.post("/login", Map.of("token", "guessed", "csrf", csrf));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Dieses Token ist nicht gültig.").doesNotContain("guessed");
        assertThat(b.cookies).doesNotContainKey(Console.COOKIE);
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");
        String session = b.cookies.get(Console.COOKIE);

        HttpResponse<String> out = b.submit("/alerts", "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login?signed_out=1");
        assertThat(b.cookies).doesNotContainKey(Console.COOKIE);
        ConsoleFixture.Browser replay = console.browser();
        replay.cookies.put(Console.COOKIE, session);
        assertThat(replay.get("/alerts").headers().firstValue("Location")).contains("/login");
    }

    @Test
    void signInGivesANewSessionIdAndTheOnePresentedBeforeIsNotAdopted() {
        ConsoleFixture.Browser victim = console.browser();
        victim.cookies.put(Console.COOKIE, "planted-by-an-attacker");
        victim.signIn("anna");
        String first = victim.cookies.get(Console.COOKIE);
        assertThat(first).isNotEqualTo("planted-by-an-attacker").hasSizeGreaterThanOrEqualTo(43);

        assertThat(victim.get("/login").statusCode()).as("signed in: the form leads to the inbox").isEqualTo(303);
        victim.submit("/alerts", "/logout", Map.of());
        victim.signIn("anna");
        assertThat(victim.cookies.get(Console.COOKIE)).isNotEqualTo(first);
        ConsoleFixture.Browser attacker = console.browser();
        attacker.cookies.put(Console.COOKIE, "planted-by-an-attacker");
        assertThat(attacker.get("/alerts").statusCode()).isEqualTo(303);
    }

    @Test
    void everyPostWithoutTheSessionsCsrfTokenIsRefusedWith403() {
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        assertThat(b.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(b.post("/logout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(b.post("/drafts", Map.of("channel", "sms-twitter", "text", "x")).statusCode()).isEqualTo(403);
        assertThat(b.get("/alerts").statusCode()).as("still signed in").isEqualTo(200);
        ConsoleFixture.Browser other = console.browser();
        other.signIn("bernd");
        String othersToken = ConsoleFixture.csrf(other.get("/alerts").body());
        assertThat(b.post("/logout", Map.of("csrf", othersToken)).statusCode()).isEqualTo(403);
    }

    @Test
    void theSignInFormNeedsItsOwnCsrfToken() {
        ConsoleFixture.Browser b = console.browser();
        b.get("/login");

        assertThat(b.post("/login", Map.of("token", "anna-token")).statusCode()).isEqualTo(403);
        assertThat(b.post("/login", Map.of("token", "anna-token", "csrf", "x")).statusCode()).isEqualTo(403);
        assertThat(b.cookies).doesNotContainKey(Console.COOKIE);
    }

    @Test
    void everyConsoleResponseSendsTheSecurityHeaders() {
        ConsoleFixture.Browser b = console.browser();
        for (HttpResponse<String> r : java.util.List.of(b.get("/login"), b.get("/"), b.get("/static/console.js"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .contains("default-src 'self'; frame-ancestors 'none'; form-action 'self'");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
        b.signIn("anna");
        HttpResponse<String> inbox = b.get("/alerts");
        assertThat(inbox.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(inbox.body()).doesNotContain("<script>").doesNotContain("style=\"").doesNotContain(" onclick")
                .contains("<script src=\"/static/console.js\" defer></script>")
                .contains("<meta name=\"viewport\"");
    }

    @Test
    void staticFilesComeFromTheJar() {
        HttpResponse<String> js = console.browser().get("/static/console.js");
        HttpResponse<String> css = console.browser().get("/static/console.css");

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("EventSource('/alerts/events')").doesNotContain("innerHTML");
        assertThat(css.statusCode()).isEqualTo(200);
    }

    @Test
    void theLanguageIsTheOfficesElseTheBrowsersElseGerman() {
        ConsoleFixture.Browser en = console.browser();
        en.acceptLanguage = "en-GB,en;q=0.8";
        assertThat(en.get("/login").body()).contains("<html lang=\"en\">").contains("Sign in");
        ConsoleFixture.Browser none = console.browser();
        none.acceptLanguage = "fr";
        assertThat(none.get("/login").body()).contains("<html lang=\"de\">").contains("Anmelden");

        en.signIn("anna");
        assertThat(en.get("/alerts").body()).as("office language de wins").contains("<html lang=\"de\">");
        ConsoleFixture.Browser carl = console.browser();
        carl.signIn("carl");
        assertThat(carl.get("/alerts").body()).as("office language en").contains("<html lang=\"en\">")
                .contains("Open alerts");
    }

    @Test
    void afterTenFailedSignInsAnAddressGets429WithRetryAfterWhileAnotherAddressSignsIn() {
        ConsoleFixture.Browser guesser = console.browser();
        for (int i = 0; i < SignInLimiter.MAX_FAILURES; i++) {
            HttpResponse<String> r = guesser.post("/login", Map.of("token", "guess-" + i, "csrf",
                    ConsoleFixture.csrf(guesser.get("/login").body())));
            assertThat(r.statusCode()).as("failure %d", i + 1).isEqualTo(401);
        }
        console.clock.advance(java.time.Duration.ofMinutes(5));

        HttpResponse<String> limited = guesser.signIn("anna");

        assertThat(limited.statusCode()).as("even the right token").isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("600");
        assertThat(limited.body()).contains("role=\"alert\"").contains("Zu viele fehlgeschlagene Anmeldungen")
                .contains("in 10 min erneut").contains("name=\"token\"");
        assertThat(limited.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Console.COOKIE + "="));
        ConsoleFixture.Browser english = console.browser();
        english.acceptLanguage = "en";
        english.cookies.putAll(guesser.cookies);
        assertThat(english.signIn("anna").body()).contains("Too many failed sign-ins from your address");

        ConsoleFixture.Browser colleague = console.browserFrom("127.0.0.2");
        HttpResponse<String> other = colleague.signIn("bernd");
        assertThat(other.statusCode()).as("another address signs in").isEqualTo(303);
        assertThat(colleague.get("/alerts").body()).contains("Bernd Beispiel");

        console.clock.advance(java.time.Duration.ofMinutes(10));
        assertThat(guesser.signIn("anna").statusCode()).as("the window is over").isEqualTo(303);
        double rateLimited = console.registry.get(Console.REFUSED_METER).tag("method", "token")
                .tag("reason", "rate_limited").counter().count();
        double invalid = console.registry.get(Console.REFUSED_METER).tag("method", "token").tag("reason", "invalid")
                .counter().count();
        assertThat(rateLimited).isEqualTo(2.0);
        assertThat(invalid).isEqualTo(10.0);
        assertThat(console.registry.scrape()).contains(
                "wachposten_console_sign_ins_refused_total{method=\"token\",reason=\"rate_limited\"} 2.0");
    }
}
