package de.wachposten.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code channels} list: the watched accounts, each with its platform, office, credentials and policy. */
final class ChannelParser {
    static final List<String> KEYS = List.of("id", "name", "platform", "account", "office", "base_url", "credentials",
            "poll_interval", "history", "policy", "access", "agencies", "jetstream_url");
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(100);
    private static final Pattern MASTODON_ACCOUNT = Pattern.compile("@?[^@\\s]+@([^@\\s/]+)");

    /** What the loader knows per platform: the default API base URL (or null) and the credential keys it takes. */
    private record PlatformSpec(String defaultBaseUrl, List<String> credentialKeys) {}

    private static final Map<String, PlatformSpec> PLATFORMS = new LinkedHashMap<>();

    static {
        PLATFORMS.put("twitter", new PlatformSpec("https://api.x.com", List.of("bearer_token")));
        PLATFORMS.put("facebook", new PlatformSpec("https://graph.facebook.com", List.of("access_token")));
        PLATFORMS.put("instagram", new PlatformSpec("https://graph.facebook.com", List.of("access_token")));
        PLATFORMS.put("youtube", new PlatformSpec("https://www.youtube.com", List.of("api_key")));
        PLATFORMS.put("flickr", new PlatformSpec("https://www.flickr.com", List.of("api_key")));
        PLATFORMS.put("mastodon", new PlatformSpec(null, List.of("access_token")));
        PLATFORMS.put("bluesky", new PlatformSpec("https://public.api.bsky.app", List.of()));
        PLATFORMS.put("rss", new PlatformSpec(null, List.of("username", "password")));
    }

    /** What channels refer to: offices, users and named policies. */
    record Refs(IdRegistry offices, IdRegistry users, Map<String, Policy> policies, Set<String> policyNames) {}

    private ChannelParser() {
    }

    /** Reads every channel; channels with errors are left out of the result. */
    static List<ChannelConfig> parseAll(YamlMap top, IdRegistry ids, Refs refs) {
        List<Node> items = top.items("channels");
        List<ChannelConfig> out = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String label = "channels[" + i + "]";
            YamlMap m = YamlMap.of(items.get(i), label, label, top.problems(), top.env());
            ChannelConfig c = m == null ? null : parse(m, ids, refs);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static ChannelConfig parse(YamlMap m, IdRegistry ids, Refs refs) {
        int before = m.problems().count();
        String id = ids.read(m);
        m.checkKeys(KEYS);
        String name = m.string("name");
        String platform = m.required("platform");
        PlatformSpec spec = platform == null ? null : PLATFORMS.get(platform);
        if (platform != null && spec == null) {
            m.problems().error(m.line("platform"), "unknown platform '" + m.scalar("platform").raw() + "' in "
                    + m.label() + " (expected one of: " + String.join(", ", PLATFORMS.keySet()) + ")");
        }
        String account = m.required("account");
        String office = m.required("office");
        if (office != null && !refs.offices().contains(office)) {
            m.problems().error(m.line("office"), "unknown office '" + m.scalar("office").raw() + "' in " + m.label());
        }
        URI baseUrl = spec == null || account == null ? null : baseUrl(m, platform, spec, account);
        Map<String, Secret> credentials = spec == null ? Map.of() : credentials(m, id, platform, spec);
        Duration poll = pollInterval(m);
        String history = m.oneOf("history", List.of("ignore", "check"), "ignore");
        String policyName = m.node("policy") instanceof ScalarNode ? m.string("policy") : null;
        Policy policy = policy(m, policyName, refs);
        List<String> access = access(m, refs.users());
        List<String> agencies = m.strings("agencies");
        URI jetstream = platform == null ? null : jetstreamUrl(m, platform);
        if (m.problems().count() != before) {
            return null;
        }
        if (!policy.clients().isEmpty() && !ClientCheck.exposed(platform)) {
            m.problems().warn(m.line("policy"), "channel '" + id + "' lists allowed clients, but " + platform
                    + " does not expose the posting client; unexpected_client cannot be checked there");
        }
        return new ChannelConfig(id, name, platform, account, office, baseUrl, credentials, poll,
                "check".equals(history), policyName, policy, access, agencies, m.line(), jetstream);
    }

    /** The configured base URL, or the platform's default; mastodon derives it from {@code user@instance}. */
    private static URI baseUrl(YamlMap m, String platform, PlatformSpec spec, String account) {
        if (platform.equals("rss")) {
            m.checkUrl(account, m.scalar("account"), "account");
        }
        if (m.has("base_url")) {
            return m.url("base_url");
        }
        if (spec.defaultBaseUrl() != null) {
            return URI.create(spec.defaultBaseUrl());
        }
        if (platform.equals("mastodon")) {
            Matcher am = MASTODON_ACCOUNT.matcher(account.trim());
            if (am.matches()) {
                return URI.create("https://" + am.group(1));
            }
            m.problems().error(m.line(), "missing key 'base_url' in " + m.label()
                    + " (needed for a mastodon account without @instance)");
        }
        return null;
    }

    /** The Bluesky Jetstream URL for push: only on bluesky channels, and only {@code ws://} or {@code wss://}. */
    private static URI jetstreamUrl(YamlMap m, String platform) {
        Scalar s = m.scalar("jetstream_url");
        String v = s == null ? null : s.resolved(m.problems(), "'jetstream_url' in " + m.label());
        if (v == null) {
            return null;
        }
        if (!platform.equals("bluesky")) {
            m.problems().error(s.line(), "'jetstream_url' in " + m.label() + " is only for platform bluesky, not "
                    + platform);
            return null;
        }
        try {
            URI u = new URI(v.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && u.getHost() != null) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        m.problems().error(s.line(), "'jetstream_url' in " + m.label() + " must be an absolute ws or wss URL, not '"
                + s.raw() + "'");
        return null;
    }

    private static Map<String, Secret> credentials(YamlMap m, String id, String platform, PlatformSpec spec) {
        YamlMap c = m.map("credentials", "credentials of " + m.label());
        if (c == null) {
            return Map.of();
        }
        if (spec.credentialKeys().isEmpty() && !c.keys().isEmpty()) {
            m.problems().error(m.line("credentials"), platform + " " + m.label() + " takes no credentials");
            return Map.of();
        }
        c.checkKeys(spec.credentialKeys());
        Map<String, Secret> out = new LinkedHashMap<>();
        for (String key : c.keys()) {
            Secret s = spec.credentialKeys().contains(key)
                    ? c.secret(key, (id != null ? "channel " + id : m.label()) + ", credential " + key) : null;
            if (s != null) {
                out.put(key, s);
            }
        }
        return out;
    }

    private static Duration pollInterval(YamlMap m) {
        Scalar s = m.scalar("poll_interval");
        String v = s == null ? null : s.resolved(m.problems(), "'poll_interval' in " + m.label());
        if (v == null) {
            return DEFAULT_POLL_INTERVAL;
        }
        try {
            Duration d = ConfigLoader.parseDuration(v);
            if (d.compareTo(MIN_POLL_INTERVAL) >= 0) {
                return d;
            }
            m.problems().error(s.line(), "'poll_interval' in " + m.label() + " must be at least 100ms, not '"
                    + s.raw() + "'");
        } catch (IllegalArgumentException e) {
            m.problems().error(s.line(), "bad poll interval '" + s.raw() + "' in " + m.label() + " ("
                    + ConfigLoader.DURATION_FORM + ")");
        }
        return DEFAULT_POLL_INTERVAL;
    }

    /** A named policy, an inline mapping, or the permissive default when absent. */
    private static Policy policy(YamlMap m, String policyName, Refs refs) {
        Node n = m.node("policy");
        if (n == null) {
            return Policy.permissive();
        }
        if (n instanceof MappingNode) {
            Policy p = PolicyParser.parse(m.map("policy", "the policy of " + m.label()));
            return p != null ? p : Policy.permissive();
        }
        if (policyName != null && refs.policies().containsKey(policyName)) {
            return refs.policies().get(policyName);
        }
        if (policyName != null && !refs.policyNames().contains(policyName)) {
            String known = refs.policyNames().isEmpty() ? "the file defines no policies"
                    : "expected one of: " + String.join(", ", refs.policyNames());
            m.problems().error(m.line("policy"), "unknown policy '" + m.scalar("policy").raw() + "' in " + m.label()
                    + " (" + known + ")");
        } else if (!(n instanceof ScalarNode)) {
            m.problems().error(m.line("policy"), "'policy' in " + m.label()
                    + " must be a policy name or a mapping, not " + Nodes.describe(n));
        }
        return Policy.permissive();
    }

    private static List<String> access(YamlMap m, IdRegistry users) {
        List<String> out = new ArrayList<>();
        for (Scalar s : m.scalars("access")) {
            if (users.contains(s.value())) {
                out.add(s.value());
            } else {
                m.problems().error(s.line(), "unknown user '" + s.raw() + "' in 'access' of " + m.label());
            }
        }
        return out;
    }
}
