package de.wachposten.config;

import java.util.Set;

/**
 * Whether {@code unexpected_client} can be checked on a channel: only where the platform exposes the posting client.
 * Mastodon names the application, Facebook the posting app, feeds their generator; X removed {@code source} in 2022,
 * and Bluesky, YouTube, Flickr and Instagram never exposed one.
 */
public enum ClientCheck {
    /** The platform exposes the client; posts are checked against the policy's list or the learned history. */
    ON("on"),
    /** The platform does not expose the client and the policy lists none: nothing asked, nothing checked. */
    OFF("off"),
    /** The policy lists allowed clients, but the platform never says which client posted. */
    NOT_EXPOSED("not exposed");

    private static final Set<String> EXPOSING = Set.of("mastodon", "facebook", "rss");

    private final String wire;

    ClientCheck(String wire) {
        this.wire = wire;
    }

    /** The word the API shows ({@code on}, {@code off}, {@code not exposed}). */
    public String wire() {
        return wire;
    }

    /** True when posts of {@code platform} name their posting client. */
    public static boolean exposed(String platform) {
        return EXPOSING.contains(platform);
    }

    /** The state for {@code channel}. */
    public static ClientCheck of(ChannelConfig channel) {
        if (exposed(channel.platform())) {
            return ON;
        }
        return channel.policy().clients().isEmpty() ? OFF : NOT_EXPOSED;
    }
}
