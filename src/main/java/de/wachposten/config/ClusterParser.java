package de.wachposten.config;

import java.time.Duration;
import java.util.List;

/**
 * Reads the top-level {@code cluster} block: {@code instance} (this instance's id among the instances on one store;
 * letters, digits, dot, dash, underscore) and {@code lease_ttl} (how long a heartbeat and a lease last without
 * renewal: 3s to 5m, default 10s).
 */
final class ClusterParser {
    static final List<String> CLUSTER_KEYS = List.of("instance", "lease_ttl");
    static final Duration MIN_TTL = Duration.ofSeconds(3);
    static final Duration MAX_TTL = Duration.ofMinutes(5);

    private ClusterParser() {}

    static Config.Cluster cluster(YamlMap m) {
        if (m == null) {
            return Config.Cluster.DEFAULT;
        }
        m.checkKeys(CLUSTER_KEYS);
        String instance = null;
        Scalar i = m.scalar("instance");
        String iv = i == null ? null : i.resolved(m.problems(), "'instance' in cluster");
        if (iv != null) {
            if (iv.matches("[A-Za-z0-9._-]{1,64}")) {
                instance = iv;
            } else {
                m.problems().error(i.line(), "'instance' in cluster must be 1 to 64 letters, digits, '.', '-' or '_',"
                        + " not '" + i.raw() + "'");
            }
        }
        Duration ttl = Config.Cluster.DEFAULT.leaseTtl();
        Scalar t = m.scalar("lease_ttl");
        String tv = t == null ? null : t.resolved(m.problems(), "'lease_ttl' in cluster");
        if (tv != null) {
            try {
                Duration d = ConfigLoader.parseDuration(tv);
                if (d.compareTo(MIN_TTL) >= 0 && d.compareTo(MAX_TTL) <= 0) {
                    ttl = d;
                } else {
                    m.problems().error(t.line(), "'lease_ttl' in cluster must be between 3s and 5m, not '"
                            + t.raw() + "'");
                }
            } catch (IllegalArgumentException e) {
                m.problems().error(t.line(), "bad lease_ttl '" + t.raw() + "' in cluster ("
                        + ConfigLoader.DURATION_FORM + ")");
            }
        }
        return new Config.Cluster(instance, ttl);
    }
}
