package de.wachposten.testkit;

import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.simulator.rss.RssSimulator;
import de.wachposten.simulator.twitter.SimUser;
import de.wachposten.simulator.bluesky.SimActor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One watched channel on the simulator, on any platform: creates the account, publishes posts in that platform's
 * terms and writes the channel's config entry. Tests and benchmarks that need "a channel on every platform" use it
 * instead of repeating each platform's set-up.
 */
public final class SimChannel {
    /** Every platform the daemon reads, in a fixed order. */
    public static final List<String> PLATFORMS =
            List.of("mastodon", "twitter", "bluesky", "rss", "youtube", "flickr", "facebook", "instagram");
    /** The bearer token the simulated X API and the Meta Graph API accept. */
    public static final String TOKEN = "sim-token-1";

    private final PlatformSimulator sim;
    private final String platform;
    private final String id;
    private final String account;
    private final String faultKey;
    private final Object handle;

    private SimChannel(PlatformSimulator sim, String platform, String id, String account, String faultKey,
                       Object handle) {
        this.sim = sim;
        this.platform = platform;
        this.id = id;
        this.account = account;
        this.faultKey = faultKey;
        this.handle = handle;
    }

    /** Creates channel number {@code n} of {@code platform} on {@code sim}; its config id is {@code <platform>-<n>}. */
    public static SimChannel create(PlatformSimulator sim, String platform, int n) {
        String id = platform + "-" + n;
        String name = "Kanal " + n + " (" + platform + ")";
        return switch (platform) {
            case "mastodon" -> {
                SimAccount a = sim.mastodon().account("presse" + n, name);
                yield new SimChannel(sim, platform, id, "presse" + n, "presse" + n, a);
            }
            case "twitter" -> {
                SimUser u = sim.twitter().user("Presse" + n, name);
                yield new SimChannel(sim, platform, id, "Presse" + n, "Presse" + n, u);
            }
            case "bluesky" -> {
                String handle = "presse" + n + ".sachsen.example";
                SimActor a = sim.bluesky().actor(handle, name);
                yield new SimChannel(sim, platform, id, handle, handle, a);
            }
            case "rss" -> {
                String feed = "feed" + n;
                String url = sim.rss().feed(feed, name, n % 2 == 0 ? RssSimulator.Format.RSS : RssSimulator.Format.ATOM);
                yield new SimChannel(sim, platform, id, url, feed, feed);
            }
            case "youtube" -> {
                String channelId = String.format(Locale.ROOT, "UCsim%019d", n);
                sim.youtube().channel(channelId, name);
                yield new SimChannel(sim, platform, id, channelId, channelId, channelId);
            }
            case "flickr" -> {
                String nsid = (10_000_000 + n) + "@N02";
                sim.flickr().account(nsid, name);
                yield new SimChannel(sim, platform, id, nsid, nsid, nsid);
            }
            case "facebook", "instagram" -> {
                String pageId = Long.toString((platform.equals("facebook") ? 104_000_000_000_000L : 178_000_000_000_000L) + n);
                sim.meta().requireToken(TOKEN);
                sim.meta().account(pageId, name, platform.equals("instagram"));
                yield new SimChannel(sim, platform, id, pageId, pageId, pageId);
            }
            default -> throw new IllegalArgumentException("no simulated platform " + platform);
        };
    }

    /** Publishes a post at {@code at} with the platform's default client; returns its platform id. */
    public String publish(String text, Instant at) {
        return switch (platform) {
            case "mastodon" -> sim.mastodon().publish((SimAccount) handle, text, at, "Web");
            case "twitter" -> sim.twitter().publish((SimUser) handle, text, at);
            case "bluesky" -> sim.bluesky().publish((SimActor) handle, text, at);
            case "rss" -> sim.rss().publish((String) handle, text, text, at);
            case "youtube" -> sim.youtube().publish((String) handle, text, text, at);
            case "flickr" -> sim.flickr().upload((String) handle, text, text, at);
            case "facebook", "instagram" -> sim.meta().publish((String) handle, text, at, null);
            default -> throw new IllegalStateException(platform);
        };
    }

    /** The channel's entry under {@code channels:} as one YAML flow mapping line (with a leading "  - "). */
    public String yaml(String office, String pollInterval, String policy) {
        StringBuilder y = new StringBuilder("  - {id: ").append(id).append(", platform: ").append(platform)
                .append(", account: \"").append(account).append('"');
        if (!platform.equals("rss")) {
            y.append(", base_url: \"").append(sim.baseUrl()).append('"');
        }
        if (platform.equals("twitter")) {
            y.append(", credentials: {bearer_token: ").append(TOKEN).append('}');
        } else if (platform.equals("facebook") || platform.equals("instagram")) {
            y.append(", credentials: {access_token: ").append(TOKEN).append('}');
        }
        return y.append(", office: ").append(office).append(", poll_interval: ").append(pollInterval)
                .append(", policy: ").append(policy).append("}\n").toString();
    }

    /** The key the simulator's faults and request log use for this channel. */
    public String faultKey() {
        return faultKey;
    }

    public String platform() {
        return platform;
    }

    public String id() {
        return id;
    }
}
