package de.wachposten.platform.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One Jetstream event, reduced to what decides whether the poller wakes:
 * {@code {"did","time_us","kind":"commit"|"identity"|"account","commit":{"operation","collection","rkey",…}}}. The
 * record itself is never read: Jetstream carries no signatures, so a frame is a hint that the poll confirms on the
 * AppView, never a post.
 *
 * @param did        the repository the event is about
 * @param timeUs     Jetstream's time of the event in microseconds since the epoch; the resume cursor
 * @param kind       {@code commit}, {@code identity} or {@code account} (other kinds are kept and ignored)
 * @param operation  {@code create}, {@code update} or {@code delete} for a commit, else null
 * @param collection the record's collection for a commit (e.g. {@code app.bsky.feed.post}), else null
 */
record JetstreamFrame(String did, long timeUs, String kind, String operation, String collection) {
    /** The collection of posts, the only one subscribed to. */
    static final String POSTS = "app.bsky.feed.post";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A frame that is not a Jetstream event; the message says what is wrong, never the frame's content. */
    static final class MalformedFrameException extends Exception {
        MalformedFrameException(String message) {
            super(message, null, false, false);
        }
    }

    JetstreamFrame {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(kind, "kind");
    }

    /** Parses one text message. */
    static JetstreamFrame parse(String text) throws MalformedFrameException {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedFrameException("not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedFrameException("not a JSON object");
        }
        String did = json.path("did").asText("");
        if (!json.path("did").isTextual() || !did.startsWith("did:")) {
            throw new MalformedFrameException("$.did: expected a DID");
        }
        if (!json.path("time_us").canConvertToLong()) {
            throw new MalformedFrameException("$.time_us: expected microseconds");
        }
        if (!json.path("kind").isTextual()) {
            throw new MalformedFrameException("$.kind: expected text");
        }
        String kind = json.path("kind").asText();
        if (!kind.equals("commit")) {
            return new JetstreamFrame(did, json.path("time_us").asLong(), kind, null, null);
        }
        JsonNode commit = json.path("commit");
        if (!commit.path("operation").isTextual() || !commit.path("collection").isTextual()) {
            throw new MalformedFrameException("$.commit: expected operation and collection");
        }
        return new JetstreamFrame(did, json.path("time_us").asLong(), kind, commit.path("operation").asText(),
                commit.path("collection").asText());
    }

    /**
     * True when the frame may mean a new, rewritten or deleted post, or a changed profile or handle, of
     * {@code channelDid}: a post commit (any operation), an {@code identity} or an {@code account} event.
     */
    boolean wakes(String channelDid) {
        if (!did.equals(channelDid)) {
            return false;
        }
        return switch (kind) {
            case "commit" -> POSTS.equals(collection);
            case "identity", "account" -> true;
            default -> false;
        };
    }
}
