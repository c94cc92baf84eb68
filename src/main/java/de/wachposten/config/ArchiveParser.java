package de.wachposten.config;

import java.time.Duration;
import java.util.List;

/** Reads the top-level {@code archive} block: {@code retention: keep | <duration of at least 1d>}. */
final class ArchiveParser {
    static final List<String> ARCHIVE_KEYS = List.of("retention");
    static final Duration MIN_RETENTION = Duration.ofDays(1);

    private ArchiveParser() {}

    /** The archive settings; {@link Config.Archive#KEEP} when {@code m} is null or has no retention. */
    static Config.Archive archive(YamlMap m) {
        if (m == null) {
            return Config.Archive.KEEP;
        }
        m.checkKeys(ARCHIVE_KEYS);
        Scalar s = m.scalar("retention");
        String v = s == null ? null : s.resolved(m.problems(), "'retention' in archive");
        if (v == null || v.equals("keep")) {
            return Config.Archive.KEEP;
        }
        try {
            Duration d = ConfigLoader.parseDuration(v);
            if (d.compareTo(MIN_RETENTION) >= 0) {
                return new Config.Archive(d);
            }
            m.problems().error(s.line(), "'retention' in archive must be keep or at least 1d, not '" + s.raw() + "'");
        } catch (IllegalArgumentException e) {
            m.problems().error(s.line(), "bad retention '" + s.raw() + "' in archive (keep, or "
                    + ConfigLoader.DURATION_FORM + ")");
        }
        return Config.Archive.KEEP;
    }
}
