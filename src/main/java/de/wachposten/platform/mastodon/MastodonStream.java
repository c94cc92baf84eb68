package de.wachposten.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.PushSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon's streaming API as a {@link PushSource}: {@code GET /api/v1/streaming/user} below {@code base_url} with the
 * channel's access token, as server-sent events. {@code update} and {@code status.update} of the channel's own
 * account and every {@code delete} (it carries only an id) wake the poller; other events (notifications, posts of
 * followed accounts) are ignored. A refused or dropped stream reconnects after 1 s, doubling up to 60 s; 401/403
 * waits 5 min.
 */
final class MastodonStream implements PushSource {
    private static final Logger LOG = LoggerFactory.getLogger(MastodonStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUS_EVENTS = Set.of("update", "status.update");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);
    private static final Duration REFUSED_RETRY = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final String channelId;
    private final String url;
    private final String token;
    private final String acct;
    private volatile HttpClient client;
    private volatile boolean stopped;
    private long retryTimer = -1; // guarded by this
    private volatile Duration nextRetry = FIRST_RETRY;

    /** {@code acct} is the account as the instance names it (the bare user name for a local account). */
    MastodonStream(Vertx vertx, String channelId, String baseUrl, String token, String acct) {
        this.vertx = vertx;
        this.channelId = channelId;
        this.url = baseUrl.replaceAll("/+$", "") + "/api/v1/streaming/user";
        this.token = token;
        this.acct = acct.toLowerCase(Locale.ROOT);
    }

    @Override
    public void start(Runnable wake) {
        client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(90).setConnectTimeout(15_000));
        connect(wake);
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        vertx.cancelTimer(retryTimer);
        HttpClient c = client;
        if (c != null) {
            c.close();
        }
    }

    private void connect(Runnable wake) {
        if (stopped) {
            return;
        }
        RequestOptions req = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream");
        client.request(req).compose(r -> r.send())
                .onSuccess(resp -> listen(resp, wake))
                .onFailure(e -> retry(wake, "cannot connect: " + e.getMessage(), nextRetry));
    }

    private void listen(HttpClientResponse resp, Runnable wake) {
        if (resp.statusCode() != 200) {
            boolean refused = resp.statusCode() == 401 || resp.statusCode() == 403;
            resp.body();
            retry(wake, "HTTP " + resp.statusCode(), refused ? REFUSED_RETRY : nextRetry);
            return;
        }
        LOG.info("mastodon channel {}: streaming connected", channelId);
        nextRetry = FIRST_RETRY;
        SseEvents events = new SseEvents();
        resp.handler(chunk -> events.feed(chunk.toString()).forEach(e -> {
            if (concernsChannel(e)) {
                wake.run();
            }
        }));
        resp.exceptionHandler(e -> retry(wake, "stream broke: " + e.getMessage(), nextRetry));
        resp.endHandler(v -> retry(wake, "stream ended", nextRetry));
    }

    /** A status event of the channel's own account, or any deletion. */
    boolean concernsChannel(SseEvents.Event e) {
        if (e.name().equals("delete")) {
            return true;
        }
        if (!STATUS_EVENTS.contains(e.name())) {
            return false;
        }
        try {
            JsonNode status = JSON.readTree(e.data());
            return status.path("account").path("acct").asText("").toLowerCase(Locale.ROOT).equals(acct);
        } catch (java.io.IOException ex) {
            return true; // unreadable: a poll costs little and tells for sure
        }
    }

    private synchronized void retry(Runnable wake, String cause, Duration after) {
        if (stopped || retryTimer >= 0) {
            return; // stopped, or a reconnect is already planned (a broken stream reports both error and end)
        }
        LOG.warn("mastodon channel {}: streaming {}; polling goes on, reconnecting in {} s", channelId, cause,
                after.toSeconds());
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
        retryTimer = vertx.setTimer(after.toMillis(), id -> {
            synchronized (this) {
                retryTimer = -1;
            }
            connect(wake);
        });
    }
}
