package de.wachposten.behaviour;

import de.wachposten.config.ChannelConfig;
import de.wachposten.detect.ChannelHistories;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.model.Post;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The profiles of all channels, in memory. A channel's profile is built on first use from its stored posts published
 * before the post being checked (so posts archived at the first poll count as history), then learns each new post.
 * Thread-safe.
 */
public final class Profiles implements ChannelHistories {
    private final Function<String, List<Post>> storedPosts;
    private final Map<String, Profile> byChannel = new ConcurrentHashMap<>();

    /**
     * @param storedPosts the stored history of a channel id (any order; blocking; bounded by the caller)
     */
    public Profiles(Function<String, List<Post>> storedPosts) {
        this.storedPosts = Objects.requireNonNull(storedPosts, "storedPosts");
    }

    @Override
    public ChannelHistory before(ChannelConfig channel, Post post) {
        return profile(channel, post);
    }

    @Override
    public void learn(ChannelConfig channel, Post post) {
        profile(channel, post).learn(post);
    }

    private Profile profile(ChannelConfig channel, Post current) {
        return byChannel.computeIfAbsent(channel.id(), id -> build(channel, current));
    }

    private Profile build(ChannelConfig channel, Post current) {
        Profile p = new Profile(channel.policy().timezone(), channel.policy().behaviour().burstWithin());
        storedPosts.apply(channel.id()).stream()
                .filter(s -> s.publishedAt().isBefore(current.publishedAt()))
                .sorted(Comparator.comparing(Post::publishedAt))
                .forEach(p::learn);
        return p;
    }
}
