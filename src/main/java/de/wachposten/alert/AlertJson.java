package de.wachposten.alert;

import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Media;
import de.wachposten.model.Post;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The alert as JSON, exactly the webhook body of README, Alerts: the signed webhook (fields may be added, none removed
 * or renamed). The API adds {@code status} and {@code resolution} through {@link #withStatus(Alert)}.
 */
public final class AlertJson {
    private AlertJson() {}

    /** The webhook body. */
    public static JsonObject body(Alert a) {
        JsonArray reasons = new JsonArray();
        for (Finding f : a.reasons()) {
            JsonObject r = new JsonObject().put("code", f.code().code()).put("severity", f.severity().wire());
            if (!f.detail().isEmpty()) {
                r.put("detail", f.detail());
            }
            if (f.rule() != null) {
                r.put("rule", f.rule());
            }
            if (f.category() != null) {
                r.put("category", f.category());
            }
            if (!f.matches().isEmpty()) {
                r.put("matches", new JsonArray(f.matches()));
            }
            reasons.add(r);
        }
        Post p = a.post();
        JsonObject post = new JsonObject()
                .put("id", p.platformId())
                .put("url", p.url())
                .put("author", p.author())
                .put("text", p.text())
                .put("published_at", iso(p.publishedAt()))
                .put("client", p.client())
                .put("seen_at", iso(p.seenAt()));
        if (p.editedAt() != null) {
            post.put("edited_at", iso(p.editedAt()));
        }
        if (p.language() != null) {
            post.put("language", p.language());
        }
        putShape(post, p);
        return new JsonObject()
                .put("alert_id", a.id())
                .put("severity", a.severity().wire())
                .put("channel", a.channelId())
                .put("platform", a.platform())
                .put("office", a.officeId())
                .put("reasons", reasons)
                .put("post", post)
                .put("created_at", iso(a.createdAt()))
                .put("updated_at", iso(a.updatedAt()))
                .put("revision", a.revision())
                .put("status", a.status().wire())
                .put("resolution", a.resolution() == null ? null : a.resolution().wire());
    }

    /** The body plus status and resolution (already included; kept as the API's name for it). */
    public static JsonObject withStatus(Alert a) {
        return body(a);
    }

    /** Adds {@code reply}, {@code repost}, {@code quote} and {@code media} (a list of {type, url, description}). */
    public static JsonObject putShape(JsonObject post, Post p) {
        JsonArray media = new JsonArray();
        for (Media m : p.media()) {
            JsonObject item = new JsonObject().put("type", m.type()).put("url", m.url());
            if (m.description() != null) {
                item.put("description", m.description());
            }
            media.add(item);
        }
        return post.put("reply", p.reply()).put("repost", p.repost()).put("quote", p.quote()).put("media", media);
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
