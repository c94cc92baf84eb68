package de.wachposten.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads the top-level {@code archive} block: {@code retention: keep | <duration of at least 1d>} and
 * {@code index_path} (the directory of the archive's search index).
 */
final class ArchiveParser {
    static final List<String> ARCHIVE_KEYS = List.of("retention", "index_path");
    static final Duration MIN_RETENTION = Duration.ofDays(1);

    private ArchiveParser() {}

    /** The archive settings; {@link Config.Archive#KEEP} when {@code m} is null or has no retention. */
    static Config.Archive archive(YamlMap m) {
        if (m == null) {
            return Config.Archive.KEEP;
        }
        m.checkKeys(ARCHIVE_KEYS);
        return new Config.Archive(retention(m), indexPath(m));
    }

    private static Path indexPath(YamlMap m) {
        Scalar s = m.scalar("index_path");
        String v = s == null ? null : s.resolved(m.problems(), "'index_path' in archive");
        if (v == null || v.isBlank()) {
            if (s != null) {
                m.problems().error(s.line(), "'index_path' in archive must name a directory");
            }
            return null;
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            m.problems().error(s.line(), "bad path '" + s.raw() + "' for 'index_path' in archive: " + e.getReason());
            return null;
        }
    }

    /** The retention, or null to keep every post. */
    private static Duration retention(YamlMap m) {
        Scalar s = m.scalar("retention");
        String v = s == null ? null : s.resolved(m.problems(), "'retention' in archive");
        if (v == null || v.equals("keep")) {
            return null;
        }
        try {
            Duration d = ConfigLoader.parseDuration(v);
            if (d.compareTo(MIN_RETENTION) >= 0) {
                return d;
            }
            m.problems().error(s.line(), "'retention' in archive must be keep or at least 1d, not '" + s.raw() + "'");
        } catch (IllegalArgumentException e) {
            m.problems().error(s.line(), "bad retention '" + s.raw() + "' in archive (keep, or "
                    + ConfigLoader.DURATION_FORM + ")");
        }
        return null;
    }
}
