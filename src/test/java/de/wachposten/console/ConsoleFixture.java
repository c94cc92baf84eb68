package de.wachposten.console;

import de.wachposten.archive.Archive;
import de.wachposten.archive.ArchiveIndex;
import de.wachposten.alert.AlertRouter;
import de.wachposten.alert.AlertService;
import de.wachposten.api.ApiServer;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Config;
import de.wachposten.config.HoursRange;
import de.wachposten.config.Office;
import de.wachposten.config.Policy;
import de.wachposten.config.Role;
import de.wachposten.config.Secret;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.classifier.ClassifierFiles;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.JdbcStore;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API server with the console mounted, on 127.0.0.1, a SQLite store in a temporary directory and a fixed clock.
 * Users (token = id + {@code -token}): anna (drafter, sms-presse), bernd (approver, sms-presse), dora (drafter and
 * approver, sms-presse), carl (drafter and approver, smk-presse, office language en), root (admin). Public for the
 * console's benchmarks ({@code de.wachposten.console.bench}).
 */
public final class ConsoleFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2016-01-08T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final Vertx vertx = Vertx.vertx();
    /** The clock of the store, the alert service and the console: it stands at {@link #NOW} until a test moves it. */
    final MutableClock clock = new MutableClock(NOW);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Path dir;
    public final JdbcStore store;
    final AlertService alerts;
    final ApiServer server;
    final int port;
    final Config config;
    /** The live channel health the console shows (the daemon's pollers would fill it). */
    final Map<String, Object> health = new java.util.concurrent.ConcurrentHashMap<>();
    /** The project's rules directory with its classifier model, as the daemon loads it. */
    static final Ruleset RULES = Ruleset.of(RuleLoader.load(Path.of("rules")).rules(),
            ClassifierFiles.load(Path.of("rules"), new java.util.ArrayList<>()));
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ConsoleFixture() {
        this(null);
    }

    /** With {@code server.public_url} set to {@code publicUrl} (nullable). */
    ConsoleFixture(URI publicUrl) {
        try {
            dir = Files.createTempDirectory("wachposten-console");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = SqliteStore.open(dir.resolve("wachposten.db"), clock);
        Config config = config(publicUrl);
        alerts = new AlertService(store, new AlertRouter(config.offices(), Set.of()), clock);
        server = new ApiServer(vertx, config, store, registry, clock, Map::of, () -> true, alerts,
                new Archive(store, ArchiveIndex.inMemory()));
        this.config = config;
        new Console(vertx, config, store, clock, alerts, server.draftDecisions(), server.acknowledgement(),
                server.postSearch(), () -> health, () -> RULES, registry).mount(server.router());
        port = await(server.start("127.0.0.1", 0));
    }

    static Config config(URI publicUrl) {
        Policy fourEyes = new Policy(true, List.of(HoursRange.parse("Mon-Fri 07:00-19:00")), Policy.DEFAULT_ZONE, "DE-SN", ChannelStatus.ACTIVE, List.of(),
                Policy.DEFAULT_SIMILARITY, 1);
        return new Config(Path.of("wachposten.yaml"), new Config.Server("127.0.0.1", 0, publicUrl),
                new Config.Store(Path.of("data/test.db"), null), Path.of("rules"), null,
                Map.of("four-eyes", fourEyes),
                List.of(new Office("sms-presse", "Pressestelle SMS", "de", List.of()),
                        new Office("smk-presse", "Pressestelle SMK", "en", List.of())),
                List.of(user("anna", Set.of(Role.DRAFTER), "sms-presse"),
                        user("bernd", Set.of(Role.APPROVER), "sms-presse"),
                        user("dora", Set.of(Role.DRAFTER, Role.APPROVER), "sms-presse"),
                        user("carl", Set.of(Role.DRAFTER, Role.APPROVER), "smk-presse"),
                        new User("root", "Root", Set.of(Role.ADMIN), Set.of(), hash("root-token"))),
                List.of(channel("sms-twitter", "SMS_Sachsen", "sms-presse", fourEyes),
                        channel("smk-twitter", "SMK_Sachsen", "smk-presse", fourEyes)));
    }

    private static User user(String id, Set<Role> roles, String office) {
        return new User(id, id.substring(0, 1).toUpperCase() + id.substring(1) + " Beispiel", roles, Set.of(office),
                hash(id + "-token"));
    }

    private static ChannelConfig channel(String id, String account, String office, Policy policy) {
        return new ChannelConfig(id, null, "twitter", account, office, null, Map.of("bearer_token",
                Secret.of("do-not-show-" + id, "X_TOKEN")), Duration.ofSeconds(60), false, "four-eyes", policy,
                List.of(), List.of(), 30);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A post on {@code channel}, seen 30 s after publication. */
    public static Post post(String channel, String id, String text, Instant publishedAt) {
        return new Post(channel, "twitter", id, "https://x.com/status/" + id, "SMS_Sachsen", text, publishedAt, null,
                "Twitter Web Client", "de", List.of(), publishedAt.plusSeconds(30), "{}");
    }

    /** Stores {@code post} and commits detection with {@code reasons} through the alert service. */
    Alert alert(Post post, String office, ReasonCode... reasons) {
        store.ingest(post.channelId(), List.of(post), List.of(), null, false, post.seenAt());
        StoredPost v = store.versions(post.channelId(), post.platformId()).getLast();
        List<Finding> findings = Stream.of(reasons).map(r -> Finding.of(r, r.defaultSeverity(), "")).toList();
        return alerts.detected(v, findings, null, office, post.seenAt()).orElseThrow();
    }

    /** Commits detection on the stored version without the alert service (no listeners hear of it). */
    void quietAlert(Post post, String office, ReasonCode reason) {
        store.ingest(post.channelId(), List.of(post), List.of(), null, false, post.seenAt());
        StoredPost v = store.versions(post.channelId(), post.platformId()).getLast();
        store.commitDetection(v, List.of(Finding.of(reason, Severity.HIGH, "")), null, office, Recipients.NONE,
                post.seenAt());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser-like session: keeps the cookies the console sets (by name), sends them back. */
    public final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        String acceptLanguage = "de-DE,de;q=0.9";
        private final HttpClient client;

        Browser(HttpClient client) {
            this.client = client;
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Posts {@code form} plus the CSRF token of the page at {@code pagePath}. */
        HttpResponse<String> submit(String pagePath, String action, Map<String, String> form) {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.put("csrf", csrf(get(pagePath).body()));
            return post(action, all);
        }

        HttpResponse<String> send(HttpRequest.Builder b) {
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            b.header("Accept-Language", acceptLanguage).timeout(Duration.ofSeconds(10));
            try {
                HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                for (String c : r.headers().allValues("Set-Cookie")) {
                    String[] nv = c.split(";", 2)[0].split("=", 2);
                    if (c.contains("Max-Age=0")) {
                        cookies.remove(nv[0]);
                    } else {
                        cookies.put(nv[0], nv[1]);
                    }
                }
                return r;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signs in with {@code user}'s token through the form; returns the answer to the POST. */
        public HttpResponse<String> signIn(String user) {
            HttpResponse<String> form = get("/login");
            return post("/login", Map.of("token", user + "-token", "csrf", csrf(form.body())));
        }
    }

    public Browser browser() {
        return new Browser(http);
    }

    /** A browser whose connections come from {@code localAddress} (another loopback address, e.g. 127.0.0.2). */
    Browser browserFrom(String localAddress) {
        try {
            return new Browser(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).localAddress(java.net.InetAddress.getByName(localAddress))
                    .build());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in page: " + html);
        }
        return m.group(1);
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(server.stop());
        await(vertx.close());
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
