package de.wachposten.platform.youtube;

import de.wachposten.model.Media;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.feed.FeedDates;
import de.wachposten.platform.feed.FeedItem;
import de.wachposten.text.HtmlText;
import de.wachposten.platform.http.HttpFetch;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YouTube Data API v3 path of the connector (credential {@code api_key}): {@code playlistItems.list} of the
 * channel's uploads playlist ({@code UU} + the channel id without {@code UC}), 50 per page, paging on to a known
 * video (at most {@value #MAX_PAGES} pages; one on the first poll). Every call costs one quota unit; the units of
 * the day (Pacific time, when Google resets the quota) are counted, and a 403 {@code quotaExceeded} fails the poll as
 * {@code rate_limited} until the next reset. Private and deleted videos listed in the playlist are left out, so they
 * count as gone. The channel profile ({@link YouTubeProfile}) comes from {@code channels.list} with parts
 * {@code snippet,brandingSettings}, one more quota unit each time it is read.
 */
final class YouTubeDataApi {
    static final int MAX_PAGES = 5;
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpFetch http;
    private final ConnectorEnv env;
    private final String url;
    private final String channelUrl;
    private LocalDate quotaDay;
    private long unitsToday;

    YouTubeDataApi(HttpFetch http, ConnectorEnv env, String apiBase, String channelId, String key) {
        this.http = http;
        this.env = env;
        this.url = apiBase + "/youtube/v3/playlistItems?part=snippet,contentDetails,status&maxResults=50&playlistId="
                + enc("UU" + channelId.substring(2)) + "&key=" + enc(key);
        this.channelUrl = apiBase + "/youtube/v3/channels?part=snippet,brandingSettings&id=" + enc(channelId) + "&key="
                + enc(key);
    }

    /** Quota units this connector used today (Pacific time). */
    synchronized long unitsToday() {
        LocalDate today = LocalDate.now(env.clock().withZone(PACIFIC));
        return today.equals(quotaDay) ? unitsToday : 0;
    }

    /** The videos of the newest pages, until a known one. */
    Future<List<FeedItem>> read(boolean firstPoll, Set<String> known) {
        return page(null, 1, firstPoll, known, new ArrayList<>());
    }

    /** The channel's profile; fails like the playlist reads, and as NOT_FOUND when the API lists no channel. */
    Future<Profile> profile() {
        count();
        return http.get(channelUrl, Map.of("Accept", "application/json")).map(r -> {
            JsonNode body = parse(r);
            if (r.status() < 200 || r.status() >= 300) {
                throw error(r, body);
            }
            JsonNode channel = body.path("items").path(0);
            if (!channel.isObject()) {
                throw http.failure(Reason.NOT_FOUND, "channels.list on " + r.request() + " lists no channel: no such"
                        + " channel, or it was deleted or suspended", null);
            }
            return YouTubeProfile.fromChannel(channel);
        });
    }

    private Future<List<FeedItem>> page(String token, int n, boolean firstPoll, Set<String> known, List<FeedItem> acc) {
        count();
        String pageUrl = token == null ? url : url + "&pageToken=" + enc(token);
        return http.get(pageUrl, Map.of("Accept", "application/json")).compose(r -> {
            JsonNode body = parse(r);
            if (r.status() < 200 || r.status() >= 300) {
                throw error(r, body);
            }
            boolean reachedKnown = false;
            JsonNode items = body.path("items");
            for (int i = 0; i < items.size(); i++) {
                FeedItem v = video(items.get(i), r.request(), i);
                if (v != null) {
                    acc.add(v);
                    reachedKnown |= known.contains(v.id());
                }
            }
            String next = body.path("nextPageToken").asText("");
            if (firstPoll || reachedKnown || next.isEmpty() || n >= MAX_PAGES) {
                return Future.succeededFuture(acc);
            }
            return page(next, n + 1, false, known, acc);
        });
    }

    private FeedItem video(JsonNode item, String request, int i) {
        JsonNode snippet = item.path("snippet");
        String id = item.path("contentDetails").path("videoId").asText(snippet.path("resourceId").path("videoId")
                .asText(""));
        Instant published = FeedDates.parse(item.path("contentDetails").path("videoPublishedAt")
                .asText(snippet.path("publishedAt").asText("")));
        String privacy = item.path("status").path("privacyStatus").asText("public");
        if (id.isEmpty()) {
            throw http.failure(Reason.MALFORMED, "malformed JSON at $.items[" + i + "] of " + request
                    + ": expected contentDetails.videoId", null);
        }
        if (published == null || privacy.equals("private") || privacy.equals("privacyStatusUnspecified")) {
            return null;
        }
        String title = snippet.path("title").asText("");
        String description = snippet.path("description").asText("");
        String text = description.isBlank() ? title : title + "\n\n" + description;
        return new FeedItem(id, "https://www.youtube.com/watch?v=" + id, snippet.path("videoOwnerChannelTitle")
                .asText(snippet.path("channelTitle").asText(null)), text, HtmlText.links(description), published, null,
                item.toString(), List.of(new Media("video", "https://www.youtube.com/watch?v=" + id, null)));
    }

    private PlatformException error(HttpFetch.Response r, JsonNode body) {
        JsonNode first = body.path("error").path("errors").path(0);
        String reason = first.path("reason").asText("");
        String message = body.path("error").path("message").asText("");
        if (reason.equals("quotaExceeded") || reason.equals("rateLimitExceeded")) {
            Instant now = env.clock().instant();
            Instant reset = LocalDate.now(env.clock().withZone(PACIFIC)).plusDays(1).atStartOfDay(PACIFIC).toInstant();
            Duration wait = reason.equals("quotaExceeded") ? Duration.between(now, reset) : Duration.ofMinutes(1);
            return http.rateLimited("HTTP " + r.status() + " " + reason + " on " + r.request() + " after "
                    + unitsToday() + " units today", wait);
        }
        PlatformException e = http.statusFailure(r, reason.isEmpty() ? message : reason + ": " + message);
        return reason.equals("keyInvalid") ? http.failure(Reason.AUTH, e.getMessage().substring(e.getMessage()
                .indexOf(": ") + 2), null) : e;
    }

    private JsonNode parse(HttpFetch.Response r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n != null && n.isObject()) {
                return n;
            }
            throw http.failure(Reason.MALFORMED, "malformed JSON at $ of " + r.request() + ": expected an object", null);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw http.failure(Reason.MALFORMED, "malformed JSON at " + (at == null ? "unknown position" : "line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + " of " + r.request() + ": "
                    + HttpFetch.shorten(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw http.failure(Reason.MALFORMED, "malformed JSON in " + r.request(), null);
        }
    }

    private synchronized void count() {
        LocalDate today = LocalDate.now(env.clock().withZone(PACIFIC));
        if (!today.equals(quotaDay)) {
            quotaDay = today;
            unitsToday = 0;
        }
        unitsToday++;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
