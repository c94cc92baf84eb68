package de.wachposten.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.model.Media;
import de.wachposten.model.Post;
import de.wachposten.platform.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Mastodon {@code Status} and {@code Account} JSON to {@link Post} and {@link Profile}. A payload without the
 * fields a post needs fails with {@link ShapeException} naming the JSON path.
 */
final class MastodonStatusMapper {
    private final String channelId;
    private final Clock clock;

    /** The payload lacks a field or has it in the wrong type. */
    static final class ShapeException extends RuntimeException {
        ShapeException(String message) {
            super(message, null, false, false);
        }
    }

    MastodonStatusMapper(String channelId, Clock clock) {
        this.channelId = channelId;
        this.clock = clock;
    }

    /** The status at JSON path {@code where} as a post seen now. */
    Post toPost(JsonNode status, String where) {
        String id = id(status, where);
        JsonNode reblog = status.path("reblog");
        boolean boost = reblog.isObject();
        JsonNode source = boost ? reblog : status;
        String text = textOf(source, boost ? where + ".reblog" : where);
        if (boost) {
            text = "RT @" + source.path("account").path("acct").asText("") + ": " + text;
        }
        String url = optionalText(status, "url");
        String language = optionalText(status, "language");
        return new Post(channelId, MastodonConnector.PLATFORM, id, url != null ? url : optionalText(status, "uri"),
                optionalText(status.path("account"), "acct"), text, instant(status, "created_at", where, true),
                instant(status, "edited_at", where, false), optionalText(status.path("application"), "name"),
                language != null || !boost ? language : optionalText(source, "language"),
                MastodonText.links(optionalText(source, "content")), clock.instant(), status.toString())
                .withShape(isReply(source), boost, source.path("quote").isObject(), media(source));
    }

    /** {@code in_reply_to_id} set: an answer (a thread continues with replies to oneself, too). */
    private static boolean isReply(JsonNode status) {
        JsonNode to = status.path("in_reply_to_id");
        return to.isValueNode() && !to.isNull() && !to.asText().isEmpty();
    }

    /** {@code media_attachments}: type, URL (the remote URL when the instance only proxies), description. */
    static List<Media> media(JsonNode status) {
        List<Media> out = new ArrayList<>();
        for (JsonNode m : status.path("media_attachments")) {
            String url = optionalText(m, "url");
            out.add(new Media(Media.typeOf(m.path("type").asText(null)), url != null ? url : optionalText(m, "remote_url"),
                    optionalText(m, "description")));
        }
        return out;
    }

    /** The status id at {@code where}; fails when absent. */
    static String id(JsonNode status, String where) {
        if (!status.isObject()) {
            throw new ShapeException(where + ": expected a status object");
        }
        JsonNode id = status.path("id");
        if (!(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
            throw new ShapeException(where + ".id: expected a string id");
        }
        return id.asText();
    }

    /** The profile fields compared between polls. */
    static Profile toProfile(JsonNode account) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", account.path("display_name").asText(""));
        fields.put("note", MastodonText.toPlainText(account.path("note").asText("")));
        fields.put("avatar", account.path("avatar").asText(""));
        fields.put("header", account.path("header").asText(""));
        List<String> lines = new ArrayList<>();
        for (JsonNode field : account.path("fields")) {
            lines.add(field.path("name").asText("") + ": " + MastodonText.toPlainText(field.path("value").asText("")));
        }
        fields.put("fields", String.join("\n", lines));
        return new Profile(fields);
    }

    private static String textOf(JsonNode status, String where) {
        JsonNode content = status.path("content");
        if (!content.isMissingNode() && !content.isNull() && !content.isTextual()) {
            throw new ShapeException(where + ".content: expected HTML text");
        }
        String text = MastodonText.toPlainText(content.asText(""));
        String spoiler = status.path("spoiler_text").asText("");
        return spoiler.isBlank() ? text : "CW: " + spoiler.strip() + "\n" + text;
    }

    private static Instant instant(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new ShapeException(where + "." + field + ": missing");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ShapeException(where + "." + field + ": expected an RFC 3339 timestamp");
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
