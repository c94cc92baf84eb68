package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the simulated Graph API, YouTube (Data API and feed), the Flickr API and an RSS feed through the daemon
 * (production wiring, config from YAML) to signed webhook alerts: a renamed Facebook Page, a new Instagram biography,
 * a new YouTube channel description, a new channel title seen in the feed, a new Flickr real name and a new feed
 * title each raise {@code profile_changed}; the first profile seen is the baseline and raises nothing.
 */
class ProfileChangesDaemonTest {
    private static final String GRAPH_TOKEN = "EAAGraphPageTokenForTheTest";
    private static final String YT_KEY = "AIzaSyKeyForTheTest000000000000000";
    private static final String PAGE = "104000000000000";
    private static final String IG_USER = "17841400000000000";
    private static final String YT_API = "UCapiChannelId0000000000";
    private static final String YT_FEED = "UCfeedChannelId000000000";
    private static final String FLICKR_KEY = "flickr-key-for-the-test-0000";
    private static final String NSID = "12345678@N02";
    private static final String FEED = "lds-presse";
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;
    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);
    private PlatformSimulator sim;
    private WebhookReceiver hook;
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        sim = stack.sim();
        hook = stack.receiver();
        sim.meta().requireToken(GRAPH_TOKEN);
        sim.meta().account(PAGE, "Sozialministerium", false);
        sim.meta().account(IG_USER, "sozialministerium", true);
        sim.youtube().requireApiKey(YT_KEY);
        sim.youtube().channel(YT_API, "Staatsregierung");
        sim.youtube().channel(YT_FEED, "Landratsamt");
        sim.flickr().requireApiKey(FLICKR_KEY);
        sim.flickr().account(NSID, "Staatskanzlei");
        String feedUrl = sim.rss().feed(FEED, "Landesdirektion Sachsen", de.wachposten.simulator.rss.RssSimulator
                .Format.RSS);
        sim.rss().setProfile(FEED, "description", "Pressemitteilungen der Landesdirektion");
        daemon = stack.startDaemon(config(), Map.of("SIM", sim.baseUrl(), "GRAPH_TOKEN", GRAPH_TOKEN, "YT_KEY",
                YT_KEY, "FLICKR_KEY", FLICKR_KEY, "FEED_URL", feedUrl));
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of("sms-facebook", "sms-instagram", "sk-youtube",
                "lra-youtube", "sk-flickr", "lds-rss").stream().allMatch(id -> daemon.store().profile(id)
                .isPresent()));
    }

    private Path config() throws Exception {
        return stack.writeConfig(dir, """
                - id: sms-facebook
                  platform: facebook
                  account: "104000000000000"
                  base_url: ${SIM}
                  credentials:
                    access_token: ${GRAPH_TOKEN}
                  office: sms-presse
                  poll_interval: 200ms
                - id: sms-instagram
                  platform: instagram
                  account: "17841400000000000"
                  base_url: ${SIM}
                  credentials:
                    access_token: ${GRAPH_TOKEN}
                  office: sms-presse
                  poll_interval: 200ms
                - id: sk-youtube
                  platform: youtube
                  account: UCapiChannelId0000000000
                  base_url: ${SIM}
                  credentials:
                    api_key: ${YT_KEY}
                  office: sms-presse
                  poll_interval: 200ms
                - id: lra-youtube
                  platform: youtube
                  account: UCfeedChannelId000000000
                  base_url: ${SIM}
                  office: sms-presse
                  poll_interval: 200ms
                - id: sk-flickr
                  platform: flickr
                  account: "12345678@N02"
                  base_url: ${SIM}
                  credentials:
                    api_key: ${FLICKR_KEY}
                  office: sms-presse
                  poll_interval: 200ms
                - id: lds-rss
                  platform: rss
                  account: ${FEED_URL}
                  office: sms-presse
                  poll_interval: 200ms
                """);
    }

    private WebhookReceiver.Received onlyAlert() {
        WebhookReceiver.Received alert = hook.awaitAccepted(1).getFirst();
        assertThat(alert.validSignature()).isTrue();
        assertThat(alert.body().getJsonArray("reasons").stream().map(r -> ((JsonObject) r).getString("code")))
                .containsExactly("profile_changed");
        assertThat(alert.body().getJsonObject("post").getString("id")).isEqualTo("profile:2");
        return alert;
    }

    private static String detail(WebhookReceiver.Received alert) {
        return alert.body().getJsonArray("reasons").getJsonObject(0).getString("detail");
    }

    @Test
    void aRenamedFacebookPageRaisesProfileChanged() {
        sim.meta().setProfile(PAGE, "name", "Gekapert! 🏴‍☠️");

        WebhookReceiver.Received alert = onlyAlert();

        assertThat(alert.body().getString("channel")).isEqualTo("sms-facebook");
        assertThat(alert.body().getString("platform")).isEqualTo("facebook");
        assertThat(detail(alert)).isEqualTo("profile changed: display_name \"Sozialministerium\" → \"Gekapert! 🏴‍☠️\"");
    }

    @Test
    void aNewInstagramBiographyRaisesProfileChanged() {
        sim.meta().setProfile(IG_USER, "biography", "Gewinnspiel! Jetzt klicken: https://phish.example");

        WebhookReceiver.Received alert = onlyAlert();

        assertThat(alert.body().getString("channel")).isEqualTo("sms-instagram");
        assertThat(detail(alert)).isEqualTo("profile changed: note \"Offizieller Account von sozialministerium\" → "
                + "\"Gewinnspiel! Jetzt klicken: https://phish.example\"");
    }

    @Test
    void aNewYouTubeChannelDescriptionRaisesProfileChanged() {
        sim.youtube().setProfile(YT_API, "description", "Krypto-Verlosung live!");

        WebhookReceiver.Received alert = onlyAlert();

        assertThat(alert.body().getString("channel")).isEqualTo("sk-youtube");
        assertThat(detail(alert)).isEqualTo("profile changed: note \"Der offizielle Kanal: Staatsregierung\" → "
                + "\"Krypto-Verlosung live!\"");
    }

    @Test
    void aNewChannelTitleInTheYouTubeFeedRaisesProfileChanged() {
        sim.youtube().setProfile(YT_FEED, "title", "Landratsamt (gehackt)");

        WebhookReceiver.Received alert = onlyAlert();

        assertThat(alert.body().getString("channel")).isEqualTo("lra-youtube");
        assertThat(detail(alert)).isEqualTo("profile changed: display_name \"Landratsamt\" → "
                + "\"Landratsamt (gehackt)\"");
    }

    @Test
    void aNewRealNameOnFlickrRaisesProfileChanged() {
        sim.flickr().setProfile(NSID, "realname", "Staatskanzlei (gehackt) 📸");

        WebhookReceiver.Received alert = onlyAlert();

        assertThat(alert.body().getString("channel")).isEqualTo("sk-flickr");
        assertThat(alert.body().getString("platform")).isEqualTo("flickr");
        assertThat(detail(alert)).isEqualTo("profile changed: display_name \"Staatskanzlei\" → "
                + "\"Staatskanzlei (gehackt) 📸\"");
    }

    @Test
    void aNewFeedTitleRaisesProfileChanged() {
        sim.rss().setProfile(FEED, "title", "Landesdirektion – Gewinnspiel!");

        WebhookReceiver.Received alert = onlyAlert();

        assertThat(alert.body().getString("channel")).isEqualTo("lds-rss");
        assertThat(alert.body().getString("platform")).isEqualTo("rss");
        assertThat(detail(alert)).isEqualTo("profile changed: display_name \"Landesdirektion Sachsen\" → "
                + "\"Landesdirektion – Gewinnspiel!\"");
    }

    @Test
    void unchangedProfilesRaiseNothingOverManyReads() {
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.requestCount(
                de.wachposten.simulator.meta.MetaSimulator.ROUTE_PROFILE, PAGE) >= 3
                && sim.requestCount(de.wachposten.simulator.flickr.FlickrSimulator.ROUTE_PROFILE, NSID) >= 3
                && sim.requestCount(de.wachposten.simulator.rss.RssSimulator.ROUTE_FEED, FEED) >= 3);

        assertThat(hook.accepted()).isEmpty();
        assertThat(daemon.store().profile("sms-facebook").orElseThrow().revision()).isEqualTo(1);
        assertThat(daemon.store().profile("sk-flickr").orElseThrow().revision()).isEqualTo(1);
        assertThat(daemon.store().profile("lds-rss").orElseThrow().revision()).isEqualTo(1);
    }
}
