package de.wachposten.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders an alert body (the webhook JSON) as a few lines a person can read on a terminal. */
final class AlertPrinter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE dd.MM.yyyy HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    AlertPrinter(ZoneId zone) {
        this.zone = zone;
    }

    String render(JsonObject alert, String webhookId, boolean signatureValid) {
        JsonObject post = alert.getJsonObject("post", new JsonObject());
        StringBuilder b = new StringBuilder();
        b.append("ALERT ").append(alert.getString("alert_id")).append("  severity ")
                .append(alert.getString("severity", "?").toUpperCase(Locale.ROOT))
                .append("  revision ").append(alert.getValue("revision")).append("  status ")
                .append(alert.getString("status")).append('\n');
        b.append("  office    ").append(alert.getString("office")).append('\n');
        b.append("  channel   ").append(alert.getString("channel")).append(" (").append(alert.getString("platform"))
                .append(", @").append(post.getString("author")).append(")\n");
        b.append("  posted    ").append(local(post.getString("published_at"))).append(' ').append(zone.getId());
        if (post.getString("client") != null) {
            b.append("  via ").append(oneLine(post.getString("client")));
        }
        b.append('\n');
        JsonArray reasons = alert.getJsonArray("reasons", new JsonArray());
        for (int i = 0; i < reasons.size(); i++) {
            JsonObject r = reasons.getJsonObject(i);
            b.append(i == 0 ? "  reasons   " : "            ").append(r.getString("code"));
            if (r.getString("detail") != null) {
                b.append(": ").append(oneLine(r.getString("detail")));
            }
            b.append('\n');
        }
        b.append("  text      \"").append(oneLine(post.getString("text", ""))).append("\"\n");
        b.append("  delivery  webhook-id ").append(webhookId).append(", signature ")
                .append(signatureValid ? "valid" : "INVALID").append('\n');
        return b.toString();
    }

    String local(String isoInstant) {
        return isoInstant == null ? "?" : LOCAL.format(Instant.parse(isoInstant).atZone(zone));
    }

    /** Control characters (newlines, escape sequences) of post text must not reach the terminal as such. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
