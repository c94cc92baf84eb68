package de.wachposten.archive;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.app.Cli;
import de.wachposten.model.Post;
import de.wachposten.rules.ArchiveSearch;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebuild-index} as an operator runs it. */
class RebuildIndexCliTest {
    @TempDir
    Path dir;

    private String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).execute(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    private Path config(Path db, String archive) throws Exception {
        return Files.writeString(dir.resolve("wachposten.yaml"), """
                store:
                  path: %s
                %s
                offices:
                  - id: sms-presse
                """.formatted(db, archive));
    }

    @Test
    void rebuildsTheIndexBesideTheStoreFromEveryStoredPost() throws Exception {
        Path db = dir.resolve("wachposten.db");
        Instant t = Instant.parse("2016-01-08T05:30:00Z");
        try (Store store = SqliteStore.open(db, Clock.systemUTC())) {
            store.ingest("sms", List.of(
                    new Post("sms", "twitter", "1", null, "SMS", "Besuch im Pflegeheim", t, null, null, "de",
                            List.of(), t, "{}"),
                    new Post("sms", "twitter", "2", null, "SMS", "Hochwasser an der Elbe", t.plusSeconds(60), null,
                            null, "de", List.of(), t, "{}")), List.of(), "c", false, t);
        }
        Path config = config(db, "");

        String[] r = cli("rebuild-index", "--config", config.toString());

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        Path index = dir.resolve("wachposten.db-index");
        assertThat(r[1]).contains(index + ": archive index rebuilt (2 entries");
        try (Store store = SqliteStore.open(db, Clock.systemUTC());
             Archive archive = new Archive(store, ArchiveIndex.open(index))) {
            assertThat(archive.size()).isEqualTo(2);
            assertThat(archive.find(ArchiveSearch.parse("Pflegeheime"), null, null, null, 10))
                    .extracting(p -> p.post().platformId()).containsExactly("1");
        }
    }

    @Test
    void usesTheConfiguredIndexPathAndRefusesAMissingStore() throws Exception {
        Path db = dir.resolve("missing.db");
        Path config = config(db, "archive:\n  index_path: " + dir.resolve("idx"));

        String[] r = cli("rebuild-index", "--config", config.toString());

        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("store file " + db + " does not exist");
        assertThat(dir.resolve("idx")).doesNotExist();
    }
}
