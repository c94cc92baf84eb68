package de.wachposten.browser;

import static org.awaitility.Awaitility.await;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.ConfigLoader;
import de.wachposten.demo.Demo;
import de.wachposten.demo.ReplayClock;
import de.wachposten.model.Alert;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real daemon for the browser tests, as {@code demo} runs it: the platform simulator (Mastodon API) with
 * {@code sms-sachsen} (@SMS_Sachsen, four-eyes rule, Mon-Fri 07:00-19:00 Berlin, office {@code sms-presse}) and
 * {@code polizei-sachsen} (@polizeisachsen, no approval, office {@code polizei-stabsstelle}), a webhook receiver as
 * each office's sink, a SQLite store in a temporary directory, on 127.0.0.1, and a {@link ReplayClock} that starts
 * at the given Berlin time and runs at real speed. The simulated instance reports a rate limit far above what the
 * 200 ms polling spends ({@link #RATE_LIMIT}), so polling never pauses for a window's reset. Users (token
 * {@code test-<id>}): anna (drafter), bernd (drafter and approver), clara (approver) of sms-presse; otto (drafter and
 * approver) of polizei-stabsstelle. The first poll (which archives one earlier post per channel without alerting) is
 * done when the constructor returns.
 */
public final class ConsoleStack implements AutoCloseable {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** What the simulated Mastodon instance reports as its rate limit and remaining requests, always. */
    static final int RATE_LIMIT = 1_000_000;

    public final ReplayClock clock;
    private final Vertx vertx = Vertx.vertx();
    private final Path dir;
    public final PlatformSimulator sim;
    public final WebhookReceiver receiver;
    public final SimAccount sms;
    public final SimAccount police;
    public final Daemon daemon;

    private final Settings settings;

    /**
     * How a stack differs from the plain one.
     *
     * @param hookUrl     the offices' webhook URL instead of the built-in receiver's (nullable)
     * @param smsLanguage the {@code language} of office sms-presse ({@code de} or {@code en})
     * @param sso         single sign-on ({@code auth.oidc}), or null
     */
    public record Settings(String hookUrl, String smsLanguage, Sso sso) {
        public static Settings plain() {
            return new Settings(null, "de", null);
        }

        public Settings withHookUrl(String url) {
            return new Settings(url, smsLanguage, sso);
        }

        public Settings withLanguage(String language) {
            return new Settings(hookUrl, language, sso);
        }

        public Settings withSso(Sso value) {
            return new Settings(hookUrl, smsLanguage, value);
        }
    }

    /**
     * Single sign-on with the provider at {@code issuer}: the daemon listens on {@code port} and has
     * {@code server.public_url} {@code publicUrl}, where the browser finds it.
     */
    public record Sso(String issuer, String clientId, String clientSecret, int port, String publicUrl) {}

    /** @param berlinStart the clock's start, local Berlin time such as {@code 2016-01-08T06:29:00} */
    public ConsoleStack(String berlinStart) {
        this(berlinStart, Settings.plain());
    }

    /** @param hookUrl the offices' webhook URL instead of the built-in receiver's (nullable) */
    public ConsoleStack(String berlinStart, String hookUrl) {
        this(berlinStart, Settings.plain().withHookUrl(hookUrl));
    }

    public ConsoleStack(String berlinStart, Settings settings) {
        this.settings = settings;
        String hookUrl = settings.hookUrl();
        clock = new ReplayClock(Clock.systemUTC(), Demo.berlin(berlinStart));
        try {
            dir = Files.createTempDirectory("wachposten-browser");
            sim = new PlatformSimulator(vertx, clock);
            sim.start().await(10, TimeUnit.SECONDS);
            // The simulated instance counts Mastodon's 300 requests per 5 minutes; two channels polled every 200 ms
            // spend that in about 15 s, and then the daemon rightly waits for the window's reset (minutes) and no
            // new post arrives. The stack polls fast on purpose, so its instance grants far more.
            sim.mastodon().setRateLimit(RATE_LIMIT, RATE_LIMIT, clock.instant().plus(Duration.ofDays(365)));
            receiver = WebhookReceiver.start(vertx, SECRET, clock);
            sms = sim.mastodon().account("SMS_Sachsen", "Sozialministerium Sachsen");
            police = sim.mastodon().account("polizeisachsen", "Polizei Sachsen");
            String smsFirst = sim.mastodon().publish(sms, "Die Ministerin besucht morgen die Tafel in Leipzig.",
                    Demo.berlin("2016-01-07T14:05:00"), "Hootsuite");
            String policeFirst = sim.mastodon().publish(police, "Verkehrsunfall auf der A4 bei Wilsdruff.",
                    Demo.berlin("2016-01-07T22:40:00"), "TweetDeck");
            Path config = dir.resolve("wachposten.yaml");
            Files.writeString(config, yaml(hookUrl == null ? receiver.url() : hookUrl, sim.baseUrl()));
            Map<String, String> env = settings.sso() == null ? Map.of()
                    : Map.of("OIDC_SECRET", settings.sso().clientSecret());
            daemon = Daemon.start(ConfigLoader.load(config, env), Wiring.defaults().withClock(clock))
                    .await(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                    !daemon.store().versions("sms-sachsen", smsFirst).isEmpty()
                            && !daemon.store().versions("polizei-sachsen", policeFirst).isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the console stack did not start", e);
        }
    }

    /** Where the browser finds the console: the public URL with single sign-on, else the loopback address. */
    public String base() {
        return settings.sso() != null ? settings.sso().publicUrl() : local();
    }

    /** The console's loopback address. */
    public String local() {
        return "http://127.0.0.1:" + daemon.apiPort();
    }

    /** Jumps the clock to {@code berlinTime} and publishes {@code text} on @SMS_Sachsen at that time. */
    public String publishSms(String berlinTime, String text, String client) {
        Instant t = Demo.berlin(berlinTime);
        clock.jumpTo(t);
        return sim.mastodon().publish(sms, text, t, client);
    }

    /** The id of the alert the store holds for the post {@code platformId} of {@code channel}, waiting for it. */
    public String awaitAlertId(String channel, String platformId) {
        String id = Alert.idFor(channel, platformId);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                daemon.store().alerts(null, channel).stream().anyMatch(a -> a.id().equals(id)));
        return id;
    }

    /** Waits until the daemon stored the post {@code platformId} of {@code channel}. */
    public void awaitStored(String channel, String platformId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> !daemon.store().versions(channel, platformId).isEmpty());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String yaml(String hookUrl, String simUrl) {
        return """
                server:
                  host: 127.0.0.1
                %s
                store:
                  path: %s
                %s
                policies:
                  four-eyes-office-hours:
                    approval: required
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                    holidays: DE-SN
                offices:
                  - id: sms-presse
                    name: Pressestelle SMS
                    language: %s
                    sinks:
                      - type: webhook
                        url: %s
                        secret: %s
                  - id: polizei-stabsstelle
                    name: Stabsstelle Polizei Sachsen
                    sinks:
                      - type: webhook
                        url: %s
                        secret: %s
                users:
                  - id: anna
                    name: Anna Beispiel
                    roles: [drafter]
                    offices: [sms-presse]
                    token_sha256: %s
                  - id: bernd
                    name: Bernd Beispiel
                    roles: [drafter, approver]
                    offices: [sms-presse]
                    token_sha256: %s
                  - id: clara
                    name: Clara Beispiel
                    roles: [approver]
                    offices: [sms-presse]
                    token_sha256: %s
                  - id: otto
                    name: Otto Beispiel
                    roles: [drafter, approver]
                    offices: [polizei-stabsstelle]
                    token_sha256: %s
                channels:
                  - id: sms-sachsen
                    name: Sozialministerium Sachsen
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: %s
                    office: sms-presse
                    poll_interval: 200ms
                    policy: four-eyes-office-hours
                  - id: polizei-sachsen
                    name: Polizei Sachsen
                    platform: mastodon
                    account: polizeisachsen
                    base_url: %s
                    office: polizei-stabsstelle
                    poll_interval: 200ms
                """.formatted(server(), dir.resolve("wachposten.db"), sso(), settings.smsLanguage(), hookUrl,
                SECRET, hookUrl, SECRET,
                sha256("test-anna"), sha256("test-bernd"), sha256("test-clara"), sha256("test-otto"), simUrl, simUrl);
    }

    private String server() {
        Sso sso = settings.sso();
        return sso == null ? "  port: 0" : "  port: " + sso.port() + "\n  public_url: " + sso.publicUrl();
    }

    private String sso() {
        Sso sso = settings.sso();
        return sso == null ? "" : "auth:\n  oidc:\n    issuer: " + sso.issuer() + "\n    client_id: " + sso.clientId()
                + "\n    client_secret: ${OIDC_SECRET}";
    }

    @Override
    public void close() {
        try {
            daemon.stop().await(20, TimeUnit.SECONDS);
            receiver.close();
            sim.stop().await(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
