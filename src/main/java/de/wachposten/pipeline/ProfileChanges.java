package de.wachposten.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.account.ProfileChangeDetector;
import de.wachposten.config.ChannelConfig;
import de.wachposten.detect.Event;
import de.wachposten.model.Post;
import de.wachposten.store.ProfileSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plumbing for changed account profiles: the archive entry of a profile revision and the event it stands for.
 *
 * <p>Design: an alert is about one archive entry, so a profile change becomes an entry of kind
 * {@link de.wachposten.store.StoredPost.Kind#PROFILE} of the channel, one per revision. It is stored with the
 * channel's posts (the archive keeps every profile revision, searchable and in the timeline), its payload holds the
 * fields before and after, and it is evaluated as an {@link Event.ProfileChanged}: only detectors that handle that
 * kind look at it ({@link ProfileChangeDetector}). The first profile seen is the baseline and raises nothing. Entries
 * of this kind are never handed to connectors for edit or deletion checks.
 *
 * <p>Crash safety: the entry is stored first, the new profile revision after it; a crash in between repeats the same
 * entry (same id) at the next poll, which the store drops as a duplicate.
 */
public final class ProfileChanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private ProfileChanges() {}

    /**
     * The archive entry for a change from {@code before} to {@code now}; empty when nothing changed or there was no
     * earlier profile.
     */
    public static Optional<Post> change(ChannelConfig channel, Optional<ProfileSnapshot> before, Map<String, String> now,
                                        Instant at) {
        if (before.isEmpty() || before.get().fields().equals(now)) {
            return Optional.empty();
        }
        int revision = before.get().revision() + 1;
        String text = ProfileChangeDetector.describe(before.get().fields(), now);
        String raw;
        try {
            raw = JSON.writeValueAsString(Map.of("before", new TreeMap<>(before.get().fields()),
                    "after", new TreeMap<>(now), "revision", revision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(new Post(channel.id(), channel.platform(), "profile:" + revision, null, channel.account(),
                text, at, null, null, null, List.of(), at, raw));
    }

    /**
     * The event a stored profile entry stands for, read from its payload.
     *
     * @throws IllegalArgumentException when the payload cannot be read
     */
    static Event.ProfileChanged event(Post entry) {
        try {
            JsonNode raw = JSON.readTree(entry.rawJson());
            return new Event.ProfileChanged(entry, raw.path("revision").asInt(),
                    JSON.convertValue(raw.path("before"), FIELDS), JSON.convertValue(raw.path("after"), FIELDS));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("profile entry " + entry.channelId() + "/" + entry.platformId()
                    + " has no readable payload: " + e.getMessage(), e);
        }
    }

    /** The profile to save after {@code now} was seen. */
    public static ProfileSnapshot next(Optional<ProfileSnapshot> before, Map<String, String> now, Instant at) {
        return before.map(b -> new ProfileSnapshot(b.revision() + 1, now, at)).orElse(new ProfileSnapshot(1, now, at));
    }
}
