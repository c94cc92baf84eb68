package de.wachposten.alert;

import de.wachposten.config.Office;
import de.wachposten.model.Alert;
import de.wachposten.model.Post;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestAlerts;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link NotifierContract} for sinks that speak HTTP: a {@link WebhookReceiver} (without signature checks) plays the
 * sink and answers 503, 429, 400 or nothing as the contract asks. Subclasses build their notifier for a base URL,
 * which carries a query token that must never be printed.
 */
public abstract class HttpSinkContract extends NotifierContract {
    /** A token in the sink URL's query; a credential. */
    protected static final String URL_TOKEN = "q-token-7f3c9d";
    /** The office of the fixture; German texts. */
    protected static final Office OFFICE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());
    /** A post text that would do harm if rendered: script, Markdown and chat links, mentions. */
    protected static final String HOSTILE = "<script>alert(1)</script> [klick](https://evil.example) @channel @here "
            + "@room <!channel> <https://evil.example|x> *fett* & Ende";

    protected final MutableClock clock = MutableClock.at("2016-01-08T05:31:02Z");
    protected WebhookReceiver receiver;
    protected WebClient client;

    /** The notifier under test for a sink reached at {@code url} (a full URL with query or a base URL). */
    protected abstract Notifier notifier(String url, Duration timeout);

    /** The URL to configure for the receiver: by default its webhook path with a query token. */
    protected String urlOf(WebhookReceiver r) {
        return r.url() + "?token=" + URL_TOKEN;
    }

    @BeforeEach
    final void startReceiver() {
        receiver = WebhookReceiver.start(vertx, null, clock);
        client = WebClient.create(vertx);
    }

    @AfterEach
    final void stopReceiver() {
        receiver.close();
        client.close();
    }

    @Override
    protected Notifier notifier(Duration timeout) {
        return notifier(urlOf(receiver), timeout);
    }

    @Override
    protected Notifier notifierForUnreachableSink() {
        try (ServerSocket s = new ServerSocket(0)) {
            return notifier("http://127.0.0.1:" + s.getLocalPort() + "/hook?token=" + URL_TOKEN, Duration.ofSeconds(15));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void sinkFailsTemporarily(int times) {
        receiver.answer(times, 503);
    }

    @Override
    protected void sinkThrottles(Duration retryAfter) {
        receiver.answer(1, 429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
    }

    @Override
    protected void sinkRejects() {
        receiver.answer(1, 400);
    }

    @Override
    protected void sinkHangs() {
        receiver.hang(1);
    }

    @Override
    protected int acceptedCount() {
        return receiver.accepted().size();
    }

    @Override
    protected List<String> secrets() {
        return List.of(URL_TOKEN);
    }

    /** The sample alert with {@link #HOSTILE} as its post text and author {@code @here}. */
    protected static Alert hostileAlert() {
        Alert a = TestAlerts.alert("686167854231101440");
        Post p = a.post();
        Post bad = new Post(p.channelId(), p.platform(), p.platformId(), p.url(), "@here", HOSTILE, p.publishedAt(),
                null, p.client(), p.language(), p.links(), p.seenAt(), p.rawJson());
        return new Alert(a.id(), a.channelId(), a.platform(), a.officeId(), a.severity(), a.reasons(), bad,
                a.createdAt(), a.updatedAt(), a.revision(), a.status(), a.resolution());
    }
}
