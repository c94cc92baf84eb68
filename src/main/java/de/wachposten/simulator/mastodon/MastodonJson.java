package de.wachposten.simulator.mastodon;

import de.wachposten.simulator.mastodon.MastodonState.AccountData;
import de.wachposten.simulator.mastodon.MastodonState.StatusData;
import de.wachposten.simulator.mastodon.MastodonState.Version;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Renders simulator data as Mastodon's {@code Account}, {@code Status} and {@code StatusEdit} entities. */
final class MastodonJson {
    /** {@code created_at}/{@code edited_at}: RFC 3339 with milliseconds and {@code Z}. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** {@code X-RateLimit-Reset}: ISO 8601 with microseconds. */
    static final DateTimeFormatter RESET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private MastodonJson() {}

    static JsonObject account(AccountData a, MastodonState state, String baseUrl) {
        SimProfile p = a.profile;
        JsonArray fields = new JsonArray();
        for (Map.Entry<String, String> f : p.fields().entrySet()) {
            fields.add(new JsonObject().put("name", f.getKey())
                    .put("value", MastodonHtml.render(f.getValue(), baseUrl).html().replaceAll("^<p>|</p>$", ""))
                    .putNull("verified_at"));
        }
        Instant last = state.lastStatusAt(a);
        return new JsonObject().put("id", a.id).put("username", a.username).put("acct", a.username)
                .put("display_name", p.displayName()).put("locked", false).put("bot", false)
                .put("discoverable", true).put("group", false).put("created_at", TIMESTAMP.format(a.createdAt))
                .put("note", p.note().isEmpty() ? "" : MastodonHtml.render(p.note(), baseUrl).html())
                .put("url", baseUrl + "/@" + a.username).put("uri", baseUrl + "/users/" + a.username)
                .put("avatar", p.avatar()).put("avatar_static", p.avatar())
                .put("header", p.header()).put("header_static", p.header())
                .put("followers_count", 0).put("following_count", 0).put("statuses_count", state.statusCount(a))
                .put("last_status_at", last == null ? null : DAY.format(last))
                .put("emojis", new JsonArray()).put("fields", fields);
    }

    static JsonObject status(StatusData s, MastodonState state, String baseUrl) {
        Version v = s.current();
        Instant edited = s.editedAt();
        JsonObject json = new JsonObject().put("id", Long.toString(s.id))
                .put("created_at", TIMESTAMP.format(s.createdAt))
                .put("edited_at", edited == null ? null : TIMESTAMP.format(edited))
                .putNull("in_reply_to_id").putNull("in_reply_to_account_id")
                .put("sensitive", !v.spoilerText().isEmpty()).put("spoiler_text", v.spoilerText())
                .put("visibility", s.visibility).put("language", s.language)
                .put("uri", baseUrl + "/users/" + s.account.username + "/statuses/" + s.id)
                .put("url", baseUrl + "/@" + s.account.username + "/" + s.id)
                .put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0).put("quotes_count", 0)
                .put("content", v.html())
                .put("reblog", s.reblog == null ? null : status(s.reblog, state, baseUrl));
        if (s.application != null) {
            json.put("application", new JsonObject().put("name", s.application).putNull("website"));
        }
        JsonArray tags = new JsonArray();
        s.tags.forEach(t -> tags.add(new JsonObject().put("name", t.toLowerCase(java.util.Locale.ROOT))
                .put("url", baseUrl + "/tags/" + t.toLowerCase(java.util.Locale.ROOT))));
        return json.put("account", account(s.account, state, baseUrl)).put("media_attachments", new JsonArray())
                .put("mentions", new JsonArray()).put("tags", tags).put("emojis", new JsonArray())
                .putNull("card").putNull("poll").putNull("quote");
    }

    static JsonArray history(StatusData s, MastodonState state, String baseUrl) {
        JsonArray versions = new JsonArray();
        for (Version v : s.versions) {
            versions.add(new JsonObject().put("content", v.html()).put("spoiler_text", v.spoilerText())
                    .put("sensitive", !v.spoilerText().isEmpty()).put("created_at", TIMESTAMP.format(v.at()))
                    .put("account", account(s.account, state, baseUrl)).putNull("poll")
                    .put("media_attachments", new JsonArray()).put("emojis", new JsonArray()));
        }
        return versions;
    }

    static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }
}
