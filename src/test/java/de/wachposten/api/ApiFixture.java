package de.wachposten.api;

import de.wachposten.archive.Archive;
import de.wachposten.archive.ArchiveIndex;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.Policy;
import de.wachposten.config.Role;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.alert.AlertRouter;
import de.wachposten.alert.AlertService;
import de.wachposten.store.ChannelState;
import de.wachposten.store.Delivery;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.Recipients;
import de.wachposten.store.jdbc.JdbcStore;
import de.wachposten.store.jdbc.SqliteStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A running {@link ApiServer} on 127.0.0.1 with a {@link SqliteStore} in a temporary directory, a fixed clock and a
 * config built in code.
 * Users and their tokens: anna (drafter, sms-presse), bernd (approver, sms-presse), dora (drafter and approver,
 * sms-presse), carl (approver, smk-presse), vera (viewer, sms-presse), root (admin). Each token is the user id plus
 * {@code -token}.
 */
final class ApiFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2016-01-08T08:00:00Z");
    static final String SMS_SINK = "sms-presse#0:webhook";

    final Vertx vertx = Vertx.vertx();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Path dir;
    private final JdbcStore sqlite;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    /** The store the server uses: the SQLite store, or the failure set by {@link #failStoreWith}. */
    final Store store;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Map<String, Object> health = new LinkedHashMap<>();
    final AtomicBoolean ready = new AtomicBoolean(true);
    final AtomicInteger kicks = new AtomicInteger();
    final AlertService alerts;
    final ApiServer server;
    final WebClient client;
    final int port;

    ApiFixture() {
        this(1);
    }

    /** With a four-eyes policy that needs {@code minApprovers} distinct approvers per draft. */
    ApiFixture(int minApprovers) {
        try {
            dir = Files.createTempDirectory("wachposten-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqlite = SqliteStore.open(dir.resolve("wachposten.db"), CLOCK);
        store = failing(sqlite, failure);
        Config config = config(minApprovers);
        alerts = new AlertService(store, new AlertRouter(config.offices(), Set.of(SMS_SINK)), CLOCK);
        alerts.onChange(a -> kicks.incrementAndGet());
        server = new ApiServer(vertx, config, store, registry, CLOCK, () -> health, ready::get, alerts,
                new Archive(store, ArchiveIndex.inMemory()));
        port = await(server.start("127.0.0.1", 0));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    }

    static Config config() {
        return config(1);
    }

    static Config config(int minApprovers) {
        Policy fourEyes = new Policy(true, List.of(), Policy.DEFAULT_ZONE, "DE-SN", ChannelStatus.ACTIVE, List.of(),
                Policy.DEFAULT_SIMILARITY, minApprovers);
        SinkConfig hook = new SinkConfig("webhook", "http://127.0.0.1:9/hook", Secret.of("whsec_c2VjcmV0", null),
                List.of(), null, null, SMS_SINK, 20);
        return new Config(Path.of("wachposten.yaml"), new Config.Server("127.0.0.1", 0, null),
                new Config.Store(Path.of("data/test.db"), null), Path.of("rules"), null,
                Map.of("four-eyes", fourEyes),
                List.of(new Office("sms-presse", "Pressestelle SMS", "de", List.of(hook)),
                        new Office("smk-presse", "Pressestelle SMK", "de", List.of())),
                List.of(user("anna", Role.DRAFTER, "sms-presse"), user("bernd", Role.APPROVER, "sms-presse"),
                        new User("dora", "Dora", Set.of(Role.DRAFTER, Role.APPROVER), Set.of("sms-presse"),
                                hash("dora-token")),
                        user("carl", Role.APPROVER, "smk-presse"), user("vera", Role.VIEWER, "sms-presse"),
                        new User("root", "Root", Set.of(Role.ADMIN), Set.of(), hash("root-token"))),
                List.of(channel("sms-twitter", "twitter", "SMS_Sachsen", "sms-presse", "four-eyes", fourEyes),
                        channel("smk-twitter", "twitter", "SMK_Sachsen", "smk-presse", "four-eyes", fourEyes)));
    }

    private static User user(String id, Role role, String office) {
        return new User(id, null, Set.of(role), Set.of(office), hash(id + "-token"));
    }

    private static ChannelConfig channel(String id, String platform, String account, String office, String policyName,
                                         Policy policy) {
        return new ChannelConfig(id, null, platform, account, office, null,
                Map.of("bearer_token", Secret.of("do-not-show-" + id, "X_TOKEN")), Duration.ofSeconds(60), false,
                policyName, policy, List.of("anna", "bernd"), List.of("Agentur Beispiel"), 30);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(Auth.sha256(token));
    }

    /** A tweet on sms-twitter. */
    static Post tweet(String id, String text, Instant publishedAt) {
        return new Post("sms-twitter", "twitter", id, "https://x.com/SMS_Sachsen/status/" + id, "SMS_Sachsen", text,
                publishedAt, null, "Twitter Web Client", "de", List.of(), publishedAt.plusSeconds(30), "{}");
    }

    /** An open alert about {@code post} with one reason. */
    static Alert openAlert(Post post, String office, ReasonCode reason) {
        return new Alert(Alert.idFor(post.channelId(), post.platformId()), post.channelId(), post.platform(), office,
                reason.defaultSeverity(), List.of(Finding.of(reason, reason.defaultSeverity(), "no approval matches")),
                post, post.seenAt(), post.seenAt(), 1, AlertStatus.OPEN, null);
    }

    /** Stores {@code post} as polled at its {@code seenAt}; {@code deletedAt} (nullable) then marks it deleted. */
    StoredPost putPost(Post post, Instant deletedAt) {
        sqlite.ingest(post.channelId(), List.of(post), List.of(), null, false, post.seenAt());
        if (deletedAt != null) {
            sqlite.ingest(post.channelId(), List.of(), List.of(post.platformId()), null, false, deletedAt);
        }
        return sqlite.versions(post.channelId(), post.platformId()).getLast();
    }

    /**
     * Stores {@code alert}'s post and detects the alert's reasons on it at its creation time, without sinks; an alert
     * that is no longer open is then closed (by {@code seed}) at its update time.
     */
    void putAlert(Alert alert) {
        StoredPost version = putPost(alert.post(), null);
        sqlite.commitDetection(version, alert.reasons(), null, alert.officeId(), Recipients.NONE, alert.createdAt());
        if (alert.status() != AlertStatus.OPEN) {
            sqlite.closeAlert(alert.id(), alert.status(), alert.resolution(), "seed", null, Recipients.NONE,
                    alert.updatedAt());
        }
    }

    /** Polls of a channel: a successful one that saw {@code state.postsSeen()} posts, then the failure in {@code state}. */
    void putChannelState(ChannelState state) {
        List<Post> posts = new ArrayList<>();
        for (int i = 1; i <= state.postsSeen(); i++) {
            Instant at = state.lastSuccessAt().minusSeconds(60L * i);
            posts.add(new Post(state.channelId(), "twitter", "seen-" + i, null, "SMS_Sachsen", "Beitrag " + i, at, null,
                    null, "de", List.of(), at, "{}"));
        }
        sqlite.ingest(state.channelId(), posts, List.of(), state.cursor(), true, state.lastSuccessAt());
        if (state.lastError() != null) {
            sqlite.recordPollFailure(state.channelId(), state.lastPollAt(), state.lastError());
        }
    }

    /** Deliveries not yet made, oldest first. */
    List<Delivery> outbox() {
        return sqlite.dueDeliveries(NOW.plus(Duration.ofDays(365)), 1000);
    }

    /** The audit log, oldest first. */
    List<Map<String, Object>> audit() {
        return sqlite.auditEvents(null, null, null);
    }

    /** Every later store call throws {@code e} (null heals the store). */
    void failStoreWith(RuntimeException e) {
        failure.set(e);
    }

    /** {@code store}, except that every call throws the failure while one is set. */
    private static Store failing(Store store, AtomicReference<RuntimeException> failure) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    RuntimeException e = failure.get();
                    if (e != null && !method.getName().equals("close")) {
                        throw e;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException t) {
                        throw t.getCause();
                    }
                });
    }

    HttpResponse<Buffer> get(String path, String user) {
        return send(HttpMethod.GET, path, user, null);
    }

    HttpResponse<Buffer> post(String path, String user, String body) {
        return send(HttpMethod.POST, path, user, body);
    }

    /** Sends a request with the token of {@code user} (none when null). */
    HttpResponse<Buffer> send(HttpMethod method, String path, String user, String body) {
        HttpRequest<Buffer> req = client.request(method, path);
        if (user != null) {
            req.putHeader("Authorization", "Bearer " + user + "-token");
        }
        return await(body == null ? req.send() : req.putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
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
        client.close();
        await(server.stop());
        await(vertx.close());
        sqlite.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
