package de.wachposten.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PushSource;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.bluesky.SimActor;
import de.wachposten.testkit.LogCapture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jetstream push source of a Bluesky channel, against the simulator's {@code /subscribe} WebSocket. */
class BlueskyJetstreamTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private static final long NOW_US = CLOCK.instant().toEpochMilli() * 1000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Vertx vertx;
    private PlatformSimulator sim;
    private BlueskySimulator bluesky;
    private SimActor presse;
    private ConnectorEnv env;
    private BlueskyConnector connector;
    private final AtomicInteger wakes = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        bluesky = sim.bluesky();
        presse = bluesky.actor("presse.sachsen.de", "Pressestelle");
        env = new ConnectorEnv(vertx, WebClient.create(vertx), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null && connector.push() != null) {
            connector.push().stop();
        }
        sim.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private ChannelConfig channel(String account, URI jetstream) {
        return new ChannelConfig("sms-bluesky", "sms-bluesky", "bluesky", account, "sms", URI.create(sim.baseUrl()),
                Map.of(), Duration.ofMinutes(10), false, null, Policy.permissive(), List.of(), List.of(), 1, jetstream);
    }

    private URI jetstreamUrl() {
        return URI.create("ws://127.0.0.1:" + sim.port());
    }

    /** A connector listening to Jetstream, after its first poll (which resolves the handle to the DID). */
    private PushSource listening() throws Exception {
        connector = new BlueskyConnector(channel("presse.sachsen.de", jetstreamUrl()), env, BlueskyOptions.defaults());
        PushSource push = connector.push();
        push.start(wakes::incrementAndGet);
        connector.fetch(null, List.of()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> bluesky.jetstream().open() == 1);
        return push;
    }

    @Test
    void withoutJetstreamUrlTheChannelIsPolledOnly() {
        connector = new BlueskyConnector(channel("presse.sachsen.de", null), env, BlueskyOptions.defaults());

        assertThat(connector.push()).isNull();
    }

    @Test
    void resolvesTheHandleAtStartAndSubscribesForTheDidBeforeTheFirstPoll() {
        connector = new BlueskyConnector(channel("presse.sachsen.de", jetstreamUrl()), env, BlueskyOptions.defaults());
        connector.push().start(wakes::incrementAndGet);

        await().atMost(WAIT).until(() -> bluesky.jetstream().open() == 1);
        assertThat(bluesky.jetstream().subscriptions()).containsExactly("/subscribe?wantedCollections="
                + "app.bsky.feed.post&wantedDids=" + presse.did().replace(":", "%3A"));
        assertThat(sim.requestCount(BlueskySimulator.ROUTE_FEED, null)).isZero();
    }

    @Test
    void anAccountThatCannotBeResolvedIsRetriedWithBackoff() {
        sim.faults().inject("presse.sachsen.de", Fault.HTTP_503, 1);
        try (LogCapture logs = LogCapture.capture()) {
            connector = new BlueskyConnector(channel("presse.sachsen.de", jetstreamUrl()), env,
                    BlueskyOptions.defaults());
            connector.push().start(wakes::incrementAndGet);

            await().atMost(WAIT).until(() -> bluesky.jetstream().open() == 1);
            assertThat(logs.text()).contains("bluesky channel sms-bluesky: Jetstream cannot resolve the account's DID:")
                    .contains("reconnecting in 1 s");
        }
    }

    @Test
    void aChannelNamedByItsDidSubscribesBeforeTheFirstPoll() {
        connector = new BlueskyConnector(channel(presse.did(), jetstreamUrl()), env, BlueskyOptions.defaults());
        connector.push().start(wakes::incrementAndGet);

        await().atMost(WAIT).until(() -> bluesky.jetstream().open() == 1);
    }

    @Test
    void createEditAndDeleteOfTheChannelsPostsWakeThePollerButPostsOfAnotherAccountDoNot() throws Exception {
        listening();
        SimActor other = bluesky.actor("other.bsky.social", "Jemand");

        bluesky.publish(other, "Nicht von uns", CLOCK.instant());
        String uri = bluesky.publish(presse, "Neue Förderrichtlinie", CLOCK.instant());
        await().atMost(WAIT).until(() -> wakes.get() == 1);
        bluesky.edit(uri, "Neue Förderrichtlinie (korrigiert)");
        await().atMost(WAIT).until(() -> wakes.get() == 2);
        bluesky.publish(other, "Auch nicht von uns", CLOCK.instant());
        bluesky.delete(uri);
        await().atMost(WAIT).until(() -> wakes.get() == 3);
        bluesky.jetstream().identity(presse);

        await().atMost(WAIT).until(() -> wakes.get() == 4);
    }

    @Test
    void afterADropItReconnectsResumingFiveSecondsBeforeTheLastEventAndPollsOnce() throws Exception {
        listening();
        bluesky.publish(presse, "Vor dem Abbruch", CLOCK.instant());
        await().atMost(WAIT).until(() -> wakes.get() == 1);

        bluesky.jetstream().dropConnections();

        await().atMost(WAIT).until(() -> bluesky.jetstream().subscriptions().size() == 2
                && bluesky.jetstream().open() == 1);
        assertThat(bluesky.jetstream().subscriptions().get(1)).endsWith("&cursor=" + (NOW_US - 5_000_000));
        // one wake for the reconnect, one for the replayed event
        await().atMost(WAIT).until(() -> wakes.get() == 3);
        bluesky.publish(presse, "Nach dem Abbruch", CLOCK.instant());
        await().atMost(WAIT).until(() -> wakes.get() == 4);
    }

    @Test
    void aRefusedUpgradeIsRetriedAfterASecondAndLoggedNamingTheChannel() throws Exception {
        try (LogCapture logs = LogCapture.capture()) {
            bluesky.jetstream().refuseUpgrades(1);
            listening();

            assertThat(bluesky.jetstream().subscriptions()).hasSize(2);
            assertThat(logs.text()).contains("bluesky channel sms-bluesky: Jetstream cannot connect:")
                    .contains("503").contains("polling goes on, reconnecting in 1 s");
        }
        bluesky.publish(presse, "Nach der Ablehnung", CLOCK.instant());
        await().atMost(WAIT).until(() -> wakes.get() == 1);
    }

    @Test
    void malformedFramesAreSkippedAndLoggedOncePerBurst() throws Exception {
        listening();
        try (LogCapture logs = LogCapture.capture()) {
            bluesky.jetstream().sendRaw("{\"did\": <p>not json</p>");
            bluesky.jetstream().sendRaw("[1, 2, 3]");
            bluesky.jetstream().sendRaw("{\"kind\":\"commit\"}");
            bluesky.publish(presse, "Trotzdem angekommen", CLOCK.instant());
            await().atMost(WAIT).until(() -> wakes.get() == 1);

            assertThat(logs.lines()).filteredOn(l -> l.contains("malformed")).containsExactly("WARN "
                    + BlueskyJetstream.class.getName() + " bluesky channel sms-bluesky: skipping a malformed Jetstream "
                    + "frame: not JSON (further ones until the next good frame are skipped silently)");
        }
        assertThat(bluesky.jetstream().open()).isEqualTo(1);
    }

    @Test
    void stopClosesTheSocketAndNoReconnectFollows() throws Exception {
        PushSource push = listening();

        push.stop();

        await().atMost(WAIT).until(() -> bluesky.jetstream().open() == 0);
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> bluesky.jetstream().subscriptions().size()
                == 1);
    }

    @Test
    void theSubscriptionPathIsAddedUnlessTheUrlAlreadyEndsInIt() {
        BlueskyJetstream a = new BlueskyJetstream(vertx, "c", URI.create("wss://jetstream2.us-east.bsky.network"),
                () -> Future.failedFuture("not started"));
        BlueskyJetstream b = new BlueskyJetstream(vertx, "c", URI.create("wss://js.example/jet/subscribe/"),
                () -> Future.failedFuture("not started"));
        a.follow("did:plc:abc");
        b.follow("did:plc:abc");

        assertThat(a.requestUri())
                .isEqualTo("/subscribe?wantedCollections=app.bsky.feed.post&wantedDids=did%3Aplc%3Aabc");
        assertThat(b.requestUri()).startsWith("/jet/subscribe?wantedCollections=");
    }
}
