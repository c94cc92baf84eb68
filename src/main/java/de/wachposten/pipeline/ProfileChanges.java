package de.wachposten.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Post;
import de.wachposten.store.ProfileSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a changed account profile into a post the pipeline can alert on.
 *
 * <p>Design: an alert is about one post, so a profile change becomes a synthetic post of the channel with the
 * platform id {@code profile:<revision>}. It is stored with the channel's posts (the archive keeps every profile
 * revision, searchable and in the timeline), evaluated like a post, but only with the {@code profile_changed} finding
 * (no approval, hours or content checks), and it gets its own alert (one per profile revision). The first profile seen
 * is the baseline and raises nothing. Synthetic posts are never handed to connectors for edit or deletion checks.
 *
 * <p>Crash safety: the synthetic post is stored first, the new profile revision after it; a crash in between repeats
 * the same post (same id and text) at the next poll, which the store drops as a duplicate.
 */
public final class ProfileChanges {
    /** Platform ids of synthetic profile posts start with this. */
    public static final String PREFIX = "profile:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileChanges() {}

    /** True for the platform id of a synthetic profile post. */
    public static boolean isProfilePost(String platformId) {
        return platformId.startsWith(PREFIX);
    }

    /**
     * The synthetic post for a change from {@code before} to {@code now}; empty when nothing changed or there was no
     * earlier profile.
     */
    public static Optional<Post> change(ChannelConfig channel, Optional<ProfileSnapshot> before, Map<String, String> now,
                                        Instant at) {
        if (before.isEmpty() || before.get().fields().equals(now)) {
            return Optional.empty();
        }
        int revision = before.get().revision() + 1;
        String text = describe(before.get().fields(), now);
        String raw;
        try {
            raw = JSON.writeValueAsString(Map.of("before", new TreeMap<>(before.get().fields()),
                    "after", new TreeMap<>(now), "revision", revision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(new Post(channel.id(), channel.platform(), PREFIX + revision, null, channel.account(), text,
                at, null, null, null, List.of(), at, raw));
    }

    /** The profile to save after {@code now} was seen. */
    public static ProfileSnapshot next(Optional<ProfileSnapshot> before, Map<String, String> now, Instant at) {
        return before.map(b -> new ProfileSnapshot(b.revision() + 1, now, at)).orElse(new ProfileSnapshot(1, now, at));
    }

    /** "profile changed: display_name "A" → "B"; avatar …" over the fields that differ, in name order. */
    static String describe(Map<String, String> before, Map<String, String> now) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.keySet());
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String a = before.getOrDefault(name, "");
            String b = now.getOrDefault(name, "");
            if (!a.equals(b)) {
                parts.add(name + " \"" + a + "\" → \"" + b + "\"");
            }
        }
        return "profile changed: " + String.join("; ", parts);
    }
}
