package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code archive} block. */
class ArchiveConfigTest {
    @TempDir
    Path dir;

    @Test
    void keepsEveryPostByDefault() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "offices:\n  - id: presse\n"), Map.of());
        assertThat(c.archive()).isEqualTo(Config.Archive.KEEP);
        assertThat(c.archive().retention()).isNull();
    }

    @Test
    void readsARetentionInDays() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "archive:\n  retention: 365d\n"), Map.of());
        assertThat(c.archive().retention()).isEqualTo(Duration.ofDays(365));
        Config keep = ConfigLoader.load(ConfigFiles.write(dir, "archive:\n  retention: keep\n"), Map.of());
        assertThat(keep.archive()).isEqualTo(Config.Archive.KEEP);
    }

    @Test
    void namesABadOrTooShortRetentionAndAnUnknownKey() {
        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors(dir, "archive:\n  retention: forever\n")).containsExactly(f + ":2: bad retention 'forever' in "
                + "archive (keep, or expected a whole number followed by ms, s, m, h or d, e.g. 60s)");
        assertThat(errors(dir, "archive:\n  retention: 10m\n")).containsExactly(
                f + ":2: 'retention' in archive must be keep or at least 1d, not '10m'");
        assertThat(errors(dir, "archive:\n  retain: 1d\n")).singleElement().asString()
                .startsWith(f + ":2: unknown key 'retain' in archive");
    }

    @Test
    void readsTheIndexPathAndNamesABlankOne() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "archive:\n  index_path: /var/lib/wachposten/index\n"),
                Map.of());
        assertThat(c.archive().indexPath()).isEqualTo(Path.of("/var/lib/wachposten/index"));
        assertThat(c.archive().retention()).isNull();
        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors(dir, "archive:\n  index_path: ''\n")).containsExactly(
                f + ":2: 'index_path' in archive must name a directory");
    }
}
