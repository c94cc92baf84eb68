package de.wachposten.config;

import java.time.Duration;
import java.util.List;

/** Reads the top-level {@code offboarding} block: {@code rotate_within: <duration of at least 1m>} (default 24h). */
final class OffboardingParser {
    static final List<String> OFFBOARDING_KEYS = List.of("rotate_within");
    static final Duration MIN_ROTATE_WITHIN = Duration.ofMinutes(1);

    private OffboardingParser() {}

    /** The off-boarding settings; {@link Config.Offboarding#DEFAULT} when {@code m} is null or has no deadline. */
    static Config.Offboarding offboarding(YamlMap m) {
        if (m == null) {
            return Config.Offboarding.DEFAULT;
        }
        m.checkKeys(OFFBOARDING_KEYS);
        Scalar s = m.scalar("rotate_within");
        String v = s == null ? null : s.resolved(m.problems(), "'rotate_within' in offboarding");
        if (v == null) {
            return Config.Offboarding.DEFAULT;
        }
        try {
            Duration d = ConfigLoader.parseDuration(v);
            if (d.compareTo(MIN_ROTATE_WITHIN) >= 0) {
                return new Config.Offboarding(d);
            }
            m.problems().error(s.line(), "'rotate_within' in offboarding must be at least 1m, not '" + s.raw() + "'");
        } catch (IllegalArgumentException e) {
            m.problems().error(s.line(), "bad rotate_within '" + s.raw() + "' in offboarding ("
                    + ConfigLoader.DURATION_FORM + ")");
        }
        return Config.Offboarding.DEFAULT;
    }
}
