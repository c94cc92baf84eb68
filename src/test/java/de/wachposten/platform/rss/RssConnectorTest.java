package de.wachposten.platform.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.rss.RssSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSS specifics against the simulator: conditional GET, redirects, auth, XXE, HTML pages, generator, deletions. */
class RssConnectorTest extends RssSimulatorTestBase {

    private PlatformException fails(Connector c, String cursor) {
        try {
            c.fetch(cursor, List.of()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return (PlatformException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void secondPollIsConditionalAndA304BringsNothingAndKeepsTheCursor() {
        String url = sim.rss().feed("smk", "SMK", RssSimulator.Format.RSS);
        sim.rss().publish("smk", "Titel", "Text", CLOCK.instant().minusSeconds(600));
        Connector c = connector(url);
        FetchResult first = poll(c, null);
        sim.faults().clearRequests();

        FetchResult second = poll(c, first.cursor());

        assertThat(second.posts()).isEmpty();
        assertThat(second.cursor()).isEqualTo(first.cursor());
        assertThat(sim.faults().requests()).singleElement().extracting(SimRequest::uri).isEqualTo("/feeds/smk.xml");
    }

    @Test
    void generatorOfTheFeedIsTheClientOfEveryPost() {
        String url = sim.rss().feed("smk", "SMK", RssSimulator.Format.ATOM);
        sim.rss().setGenerator("smk", "Government Site Builder");
        sim.rss().publish("smk", "Titel", "<p>Text &amp; mehr</p>", CLOCK.instant().minusSeconds(600));

        Post p = poll(connector(url), null).posts().getFirst();

        assertThat(p.client()).isEqualTo("Government Site Builder");
        assertThat(p.platform()).isEqualTo("rss");
        assertThat(p.author()).isEqualTo("SMK");
        assertThat(p.text()).isEqualTo("Titel\n\nText & mehr");
        assertThat(p.rawJson()).startsWith("{\"xml\":\"<entry");
    }

    @Test
    void anItemGoneBelowTheWindowIsNoDeletionButOneGoneInsideItIs() {
        String url = sim.rss().feed("smk", "SMK", RssSimulator.Format.RSS);
        sim.rss().setWindow("smk", 3);
        String oldest = sim.rss().publish("smk", "", "eins", CLOCK.instant().minusSeconds(400));
        String middle = sim.rss().publish("smk", "", "zwei", CLOCK.instant().minusSeconds(300));
        sim.rss().publish("smk", "", "drei", CLOCK.instant().minusSeconds(200));
        Connector c = connector(url);
        String cursor = poll(c, null).cursor();
        sim.rss().publish("smk", "", "vier", CLOCK.instant().minusSeconds(100));
        sim.rss().delete(middle);

        FetchResult r = poll(c, cursor);

        assertThat(r.posts()).extracting(Post::text).containsExactly("vier");
        assertThat(r.deletedIds()).containsExactly(middle).doesNotContain(oldest);
    }

    @Test
    void permanentRedirectIsFollowedAndRememberedAndALoopFailsClearly() {
        String target = sim.rss().feed("neu", "SMK", RssSimulator.Format.RSS);
        sim.rss().publish("neu", "", "Text", CLOCK.instant().minusSeconds(60));
        sim.rss().redirect("alt", 301, "/feeds/neu.xml");
        Connector c = connector(sim.rss().url("alt"));
        String cursor = poll(c, null).cursor();
        sim.faults().clearRequests();
        poll(c, cursor);
        sim.rss().redirect("a", 302, "/feeds/b.xml");
        sim.rss().redirect("b", 307, "/feeds/a.xml");

        PlatformException loop = fails(connector(sim.rss().url("a")), null);

        assertThat(target).endsWith("/feeds/neu.xml");
        assertThat(sim.faults().requests()).extracting(SimRequest::uri).first().isEqualTo("/feeds/neu.xml");
        assertThat(loop.reason()).isEqualTo(Reason.CLIENT_ERROR);
        assertThat(loop.getMessage()).isEqualTo("poll rss channel smi-feed: redirect loop on GET /feeds/a.xml: "
                + "/feeds/a.xml -> /feeds/b.xml -> /feeds/a.xml");
    }

    @Test
    void wrongPasswordFailsAsAuthWithoutThePassword() {
        String url = sim.rss().feed("intern", "Intern", RssSimulator.Format.RSS);
        sim.rss().requireBasicAuth("intern", "leser", "richtig");
        Connector c = new RssConnector(RssContractBase.channel(url, "leser", "falsch-geheim"), env,
                HttpOptions.defaults());

        PlatformException e = fails(c, null);

        assertThat(e.reason()).isEqualTo(Reason.AUTH);
        assertThat(e.getMessage()).isEqualTo("poll rss channel smi-feed: HTTP 401 on GET /feeds/intern.xml")
                .doesNotContain("falsch-geheim");
    }

    @Test
    void htmlErrorPageServedAsAFeedFailsAsMalformedNamingTheContentType() {
        sim.rss().feed("smk", "SMK", RssSimulator.Format.RSS);
        sim.faults().inject("smk", Fault.HTML_ERROR_PAGE, 1);

        PlatformException e = fails(connector(sim.rss().url("smk")), null);

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("poll rss channel smi-feed: malformed XML at line 1 of GET "
                + "/feeds/smk.xml: an HTML page instead of a feed (content type text/html; charset=utf-8)");
    }

    @Test
    void jsonServedAsAFeedFailsAsNotAFeed() {
        String url = sim.rss().serveRaw("json", "application/json", "<data><x>1</x></data>");

        PlatformException e = fails(connector(url), null);

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("not a feed in GET /feeds/json.xml: root element <data>")
                .contains("(content type application/json)");
    }

    @Test
    void externalEntitiesAreNeverResolvedNeitherFilesNorUrls(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "GEHEIMER-INHALT");
        String canary = sim.rss().url("canary");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                + "<!ENTITY web SYSTEM \"" + canary + "\">\n<!ENTITY % remote SYSTEM \"" + canary + "\">\n%remote;\n]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><title>a&file;b</title>"
                + "<description>c&web;d</description></item></channel></rss>";
        String url = sim.rss().serveRaw("xxe", "application/rss+xml", xxe);

        FetchResult r = poll(connector(url), null);

        assertThat(r.posts()).singleElement().satisfies(p -> {
            assertThat(p.text()).doesNotContain("GEHEIMER-INHALT");
            assertThat(p.rawJson()).doesNotContain("GEHEIMER-INHALT");
        });
        assertThat(sim.faults().requestCount(RssSimulator.ROUTE_FEED, "canary")).isZero();
    }

    @Test
    void entityExpansionBombFailsAtOnceAsMalformedNamingTheLimit() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a0 \"haha\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        String bomb = dtd + "]>\n<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid>"
                + "<title>&a10;</title></item></channel></rss>";
        String url = sim.rss().serveRaw("bomb", "application/rss+xml", bomb);

        long start = System.nanoTime();
        PlatformException e = fails(connector(url), null);

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).startsWith("poll rss channel smi-feed: malformed XML at line ")
                .contains("entity expansions");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
    }

    @Test
    void fiftyMegabyteBodyStopsAtTheDefaultLimitAsTooLarge() {
        String url = sim.rss().feed("gross", "SMK", RssSimulator.Format.RSS);
        sim.faults().inject("gross", Fault.huge(50L * 1024 * 1024), 1);

        PlatformException e = fails(connector(url), null);

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("poll rss channel smi-feed: response to GET /feeds/gross.xml is larger "
                + "than 8388608 bytes");
    }

    @Test
    void aHangingFeedDoesNotHoldUpAnotherFeed() {
        String hanging = sim.rss().feed("haengt", "A", RssSimulator.Format.RSS);
        String working = sim.rss().feed("geht", "B", RssSimulator.Format.ATOM);
        String id = sim.rss().publish("geht", "", "Meldung", CLOCK.instant().minusSeconds(60));
        sim.faults().inject("haengt", Fault.HANG, 1);

        var stuck = connector(hanging).fetch(null, List.of());
        FetchResult r = poll(connector(working), null);

        assertThat(r.posts()).extracting(Post::platformId).containsExactly(id);
        assertThat(stuck.isComplete()).isFalse();
    }

    @Test
    void unreadableStoredCursorFailsAsMalformed() {
        String url = sim.rss().feed("smk", "SMK", RssSimulator.Format.RSS);

        PlatformException e = fails(connector(url), "115100000000000003");

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("stored cursor");
    }

    @Test
    void factoryRejectsAnAccountThatIsNoUrlAndAUsernameWithoutPassword() {
        assertThatThrownBy(() -> RssConnector.FACTORY.create(RssContractBase.channel("sms-feed", null, null), env))
                .isInstanceOf(PlatformException.class).hasMessageContaining("account must be the feed's http(s) URL");
        var half = new de.wachposten.config.ChannelConfig("smi-feed", null, "rss", "https://e.example/f.xml", "smi",
                null, java.util.Map.of("username", de.wachposten.config.Secret.of("u", "U")),
                java.time.Duration.ofMinutes(1), false, null, de.wachposten.config.Policy.permissive(), List.of(),
                List.of(), 1);
        assertThatThrownBy(() -> RssConnector.FACTORY.create(half, env))
                .hasMessage("rss channel smi-feed: credentials username and password go together");
    }
}
