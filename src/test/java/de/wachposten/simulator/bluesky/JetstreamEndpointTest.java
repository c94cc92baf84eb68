package de.wachposten.simulator.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jetstream wire format of the simulator, read over a WebSocket. */
class JetstreamEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private static final long NOW_US = CLOCK.instant().toEpochMilli() * 1000;
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebSocketClient client;
    private SimActor presse;
    private SimActor other;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().await(10, TimeUnit.SECONDS);
        client = vertx.createWebSocketClient();
        presse = sim.bluesky().actor("presse.sachsen.de", "Pressestelle");
        other = sim.bluesky().actor("other.bsky.social", "Jemand");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private List<JsonObject> subscribe(String query) throws Exception {
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        // the handler is set on the event loop as the socket opens, before the replay can arrive
        client.connect(sim.port(), "127.0.0.1", "/subscribe?" + query)
                .onSuccess(ws -> ws.textMessageHandler(t -> frames.add(new JsonObject(t))))
                .await(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.bluesky().jetstream().open() >= 1);
        return frames;
    }

    @Test
    void sendsCommitFramesOfTheWantedDidWithIncreasingTimes() throws Exception {
        List<JsonObject> frames = subscribe("wantedCollections=app.bsky.feed.post&wantedDids=" + presse.did());

        sim.bluesky().publish(other, "Nicht gewünscht", CLOCK.instant());
        String uri = sim.bluesky().publish(presse, "Neue Förderrichtlinie", CLOCK.instant());
        sim.bluesky().delete(uri);

        await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 2);
        JsonObject create = frames.get(0);
        JsonObject delete = frames.get(1);
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        assertThat(create.getString("did")).isEqualTo(presse.did());
        assertThat(create.getString("kind")).isEqualTo("commit");
        assertThat(create.getJsonObject("commit").getString("operation")).isEqualTo("create");
        assertThat(create.getJsonObject("commit").getString("collection")).isEqualTo("app.bsky.feed.post");
        assertThat(create.getJsonObject("commit").getString("rkey")).isEqualTo(rkey);
        assertThat(create.getJsonObject("commit").getJsonObject("record").getString("text"))
                .isEqualTo("Neue Förderrichtlinie");
        assertThat(create.getJsonObject("commit").getString("cid")).startsWith("bafyrei");
        assertThat(delete.getJsonObject("commit").fieldNames()).containsExactlyInAnyOrder("rev", "operation",
                "collection", "rkey");
        assertThat(delete.getLong("time_us")).isGreaterThan(create.getLong("time_us"));
        assertThat(create.getLong("time_us")).isEqualTo(NOW_US + 1); // the other account's post came first
    }

    @Test
    void replaysBufferedEventsFromTheCursorOn() throws Exception {
        String first = sim.bluesky().publish(presse, "Eins", CLOCK.instant());
        sim.bluesky().edit(first, "Eins, korrigiert");

        List<JsonObject> frames = subscribe("wantedDids=" + presse.did() + "&cursor=" + (NOW_US + 1));

        await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
        assertThat(frames.getFirst().getJsonObject("commit").getString("operation")).isEqualTo("update");
    }

    @Test
    void identityEventsReachSubscribersOfTheDidWhateverTheCollections() throws Exception {
        List<JsonObject> frames = subscribe("wantedCollections=app.bsky.feed.post&wantedDids=" + presse.did());

        sim.bluesky().jetstream().identity(presse);

        await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
        assertThat(frames.getFirst().getString("kind")).isEqualTo("identity");
        assertThat(frames.getFirst().getJsonObject("identity").getString("handle")).isEqualTo("presse.sachsen.de");
    }

    @Test
    void refusesUpgradesOnDemandAndRecordsEveryAttempt() {
        sim.bluesky().jetstream().refuseUpgrades(1);

        assertThatThrownBy(() -> client.connect(sim.port(), "127.0.0.1", "/subscribe?wantedDids=x")
                .await(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(503));
        assertThat(sim.bluesky().jetstream().subscriptions()).containsExactly("/subscribe?wantedDids=x");
    }

    @Test
    void dropsEveryOpenSocketOnDemand() throws Exception {
        subscribe("wantedDids=" + presse.did());

        sim.bluesky().jetstream().dropConnections();

        await().atMost(Duration.ofSeconds(5)).until(() -> sim.bluesky().jetstream().open() == 0);
    }
}
