package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.bluesky.SimActor;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.simulator.twitter.SimUser;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the simulated X and Bluesky APIs through the daemon (production wiring, config from YAML) to signed webhook
 * alerts: a new post without approval, an X edit, and a Bluesky profile change.
 */
class SocialPlatformsDaemonTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebhookReceiver hook;
    private Daemon daemon;
    private SimUser sms;
    private SimActor presse;
    private SimAccount masto;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().await(10, TimeUnit.SECONDS);
        hook = WebhookReceiver.start(vertx, SECRET);
        sms = sim.twitter().user("SMS_Sachsen", "Sozialministerium");
        presse = sim.bluesky().actor("presse.sachsen.de", "Pressestelle");
        sim.twitter().publish(sms, "Alter Beitrag", CLOCK.instant().minusSeconds(3600));
        sim.bluesky().publish(presse, "Alter Beitrag", CLOCK.instant().minusSeconds(3600));
        masto = sim.mastodon().account("presse", "Pressestelle");
        sim.mastodon().publish(masto, "Alter Beitrag", CLOCK.instant().minusSeconds(3600), "Web");
        daemon = Daemon.start(config(), Wiring.defaults()).await(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> polled("sms-x") && polled("sms-bsky")
                && polled("sms-masto"));
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop().await(10, TimeUnit.SECONDS);
        }
        hook.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private boolean polled(String channel) {
        return daemon.store().channelState(channel).cursor() != null;
    }

    private Config config() throws Exception {
        Path file = dir.resolve("wachposten.yaml");
        Files.writeString(file, """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  path: ${STORE}
                offices:
                  - id: sms-presse
                    name: Pressestelle SMS
                    sinks:
                      - type: webhook
                        url: ${HOOK}
                        secret: ${HOOK_SECRET}
                channels:
                  - id: sms-x
                    platform: twitter
                    account: SMS_Sachsen
                    base_url: ${SIM}
                    credentials:
                      bearer_token: ${X_TOKEN}
                    office: sms-presse
                    poll_interval: 1s
                    policy:
                      approval: required
                  - id: sms-masto
                    platform: mastodon
                    account: presse
                    base_url: ${SIM}
                    office: sms-presse
                    poll_interval: 1s
                  - id: sms-bsky
                    platform: bluesky
                    account: presse.sachsen.de
                    base_url: ${SIM}
                    office: sms-presse
                    poll_interval: 1s
                    policy:
                      approval: required
                """);
        return ConfigLoader.load(file, Map.of("STORE", dir.resolve("wp.db").toString(), "HOOK", hook.url(),
                "HOOK_SECRET", SECRET, "SIM", sim.baseUrl(), "X_TOKEN", "x-token-for-the-test"));
    }

    private static List<String> codes(JsonObject body) {
        return body.getJsonArray("reasons").stream().map(r -> ((JsonObject) r).getString("code")).toList();
    }

    @Test
    void anUnapprovedPostOnXAndOnBlueskyEachReachTheWebhookSigned() {
        String tweet = sim.twitter().publish(sms, "Guten Morgen aus dem Ministerium", CLOCK.instant());
        String skeet = sim.bluesky().publish(presse, "Guten Morgen auf Bluesky", CLOCK.instant());

        List<WebhookReceiver.Received> got = hook.awaitAccepted(2);

        assertThat(got).allSatisfy(r -> {
            assertThat(r.validSignature()).isTrue();
            assertThat(codes(r.body())).contains("unapproved");
            assertThat(r.body().getJsonObject("post").getString("client")).isNull();
        });
        assertThat(got).extracting(r -> r.body().getString("platform")).containsExactlyInAnyOrder("twitter", "bluesky");
        assertThat(got).extracting(r -> r.body().getJsonObject("post").getString("id"))
                .containsExactlyInAnyOrder(tweet, skeet);
    }

    @Test
    void anEditOnXUpdatesThePostsAlertWithEdited() {
        String tweet = sim.twitter().publish(sms, "Erste Fassung", CLOCK.instant());
        hook.awaitAccepted(1);

        sim.twitter().edit(tweet, "Zweite Fassung", CLOCK.instant());

        WebhookReceiver.Received update = hook.awaitAccepted(2).get(1);
        assertThat(update.body().getJsonObject("post").getString("id")).isEqualTo(tweet);
        assertThat(update.body().getJsonObject("post").getString("text")).isEqualTo("Zweite Fassung");
        assertThat(codes(update.body())).contains("edited");
    }

    @Test
    void aChangedBlueskyProfileRaisesProfileChanged() {
        sim.bluesky().setProfile(presse, "Gekapert!", "", null, null);

        WebhookReceiver.Received alert = hook.awaitAccepted(1).getFirst();

        assertThat(alert.body().getString("channel")).isEqualTo("sms-bsky");
        assertThat(codes(alert.body())).containsExactly("profile_changed");
        assertThat(alert.body().getJsonArray("reasons").getJsonObject(0).getString("detail"))
                .isEqualTo("profile changed: display_name \"Pressestelle\" → \"Gekapert!\"");
    }

    @Test
    void aChangedMastodonProfileSeenWithTheNextStatusRaisesProfileChanged() {
        sim.mastodon().setProfile(masto, sim.mastodon().profile(masto).withDisplayName("Gekapert!"));
        sim.mastodon().publish(masto, "Hallo", CLOCK.instant(), "Web");

        WebhookReceiver.Received alert = hook.awaitAccepted(1).getFirst();

        assertThat(alert.body().getString("channel")).isEqualTo("sms-masto");
        assertThat(codes(alert.body())).containsExactly("profile_changed");
        assertThat(alert.body().getJsonObject("post").getString("id")).isEqualTo("profile:2");
    }

    @Test
    void anXApiThatHangsDoesNotHoldBackTheBlueskyChannel() {
        sim.faults().inject("SMS_Sachsen", Fault.HANG, 1000);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.requestCount(null, "SMS_Sachsen") > 0);

        String skeet = sim.bluesky().publish(presse, "Während X hängt", CLOCK.instant());

        WebhookReceiver.Received alert = hook.awaitAccepted(1).getFirst();
        assertThat(alert.body().getJsonObject("post").getString("id")).isEqualTo(skeet);
        assertThat(daemon.store().channelState("sms-x").lastError()).isNull();
    }
}
