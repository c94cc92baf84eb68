package de.wachposten.config;

import java.time.Duration;
import java.util.List;

/**
 * Reads a policy's {@code behaviour} block: {@code min_posts}, {@code threshold}, {@code min_features} and
 * {@code burst: {posts, within}}. Absent keys keep the defaults of {@link BehaviourSettings#DEFAULTS}.
 */
final class BehaviourParser {
    private static final List<String> KEYS = List.of("min_posts", "threshold", "min_features", "burst");
    private static final List<String> BURST_KEYS = List.of("posts", "within");

    private BehaviourParser() {
    }

    static void read(YamlMap policy, PolicyParser.Draft d) {
        YamlMap m = policy.map("behaviour", "'behaviour' in " + policy.label());
        if (m == null) {
            return;
        }
        m.checkKeys(KEYS);
        BehaviourSettings def = BehaviourSettings.DEFAULTS;
        Integer minPosts = m.integer("min_posts", 0, 1_000_000, def.minPosts());
        Double threshold = m.fraction("threshold", false, def.threshold());
        Integer minFeatures = m.integer("min_features", 1, 5, def.minFeatures());
        int burstPosts = def.burstPosts();
        Duration within = def.burstWithin();
        if (m.has("burst")) {
            YamlMap b = m.map("burst", "'burst' in " + m.label());
            if (b == null) {
                return;
            }
            b.checkKeys(BURST_KEYS);
            Integer p = b.integer("posts", 2, 10_000, def.burstPosts());
            within = within(b, def.burstWithin());
            if (p == null || within == null) {
                return;
            }
            burstPosts = p;
        }
        if (minPosts != null && threshold != null && minFeatures != null) {
            d.behaviour = new BehaviourSettings(minPosts, threshold, minFeatures, burstPosts, within);
        }
    }

    private static Duration within(YamlMap m, Duration dflt) {
        Scalar s = m.scalar("within");
        String v = s == null ? null : s.resolved(m.problems(), "'within' in " + m.label());
        if (v == null) {
            return m.has("within") ? null : dflt;
        }
        try {
            Duration d = ConfigLoader.parseDuration(v);
            if (!d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        m.problems().error(s.line(), "bad burst window '" + s.raw() + "' in " + m.label() + " ("
                + ConfigLoader.DURATION_FORM + ", above zero)");
        return null;
    }
}
