package de.wachposten.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Post;
import de.wachposten.rules.ArchiveSearch;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.SqliteStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;
    Store store;
    Archive archive;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("w.db"), CLOCK);
        archive = new Archive(store, ArchiveIndex.open(dir.resolve("index")));
    }

    @AfterEach
    void close() {
        archive.close();
        store.close();
    }

    private static Post post(String channel, String id, String text, int minutes) {
        Instant published = T0.plus(Duration.ofMinutes(minutes));
        return new Post(channel, "twitter", id, "https://x.example/" + id, "SMS_Sachsen", text, published, null,
                "Twitter Web App", "de", List.of(), published.plusSeconds(30), "{}");
    }

    private void ingest(String channel, Post... posts) {
        store.ingest(channel, List.of(posts), List.of(), "c", false, T0.plus(Duration.ofHours(1)));
    }

    private static ArchiveSearch q(String text) {
        try {
            return ArchiveSearch.parse(text);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> find(String text, List<String> channels, Instant from, Instant to, int limit) {
        return archive.find(text == null ? null : q(text), channels, from, to, limit).stream()
                .map(StoredPost::key).toList();
    }

    @Test
    void findsWithTheRulesGermanAnalysisNewestFirstAcrossChannels() {
        ingest("sms", post("sms", "1", "Besuch im Pflegeheim in Dresden", 0),
                post("sms", "2", "Die Straße wird gesperrt", 1),
                post("sms", "3", "Neue Pflegeheime für Sachsen", 2));
        ingest("smk", post("smk", "9", "Ein Pflegeheim in Leipzig", 3));

        assertThat(find("Pflegeheime", null, null, null, 10)).containsExactly("smk/9", "sms/3", "sms/1");
        assertThat(find("Strasse", null, null, null, 10)).containsExactly("sms/2");
        assertThat(find("Pflegeheim", List.of("sms"), null, null, 10)).containsExactly("sms/3", "sms/1");
        assertThat(find("Pflegeheim", null, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(3)), 10))
                .containsExactly("sms/3");
        assertThat(find("Pflegeheim", null, null, null, 2)).containsExactly("smk/9", "sms/3");
        assertThat(find("Pflegeheim AND Leipzig", null, null, null, 10)).containsExactly("smk/9");
    }

    @Test
    void anEditedPostIsFoundByItsNewTextOnlyAndADeletedOneStaysFindable() {
        Post original = post("sms", "1", "Guten Morgen Dresden", 0);
        ingest("sms", original);
        assertThat(find("Dresden", null, null, null, 10)).containsExactly("sms/1");

        Post edited = new Post("sms", "twitter", "1", original.url(), original.author(), "Guten Morgen Leipzig",
                original.publishedAt(), T0.plus(Duration.ofMinutes(5)), original.client(), "de", List.of(),
                T0.plus(Duration.ofMinutes(6)), "{}");
        ingest("sms", edited);
        assertThat(find("Dresden", null, null, null, 10)).isEmpty();
        assertThat(find("Leipzig", null, null, null, 10)).containsExactly("sms/1");

        store.ingest("sms", List.of(), List.of("1"), "c", false, T0.plus(Duration.ofHours(2)));
        assertThat(archive.find(q("Leipzig"), null, null, null, 10)).singleElement()
                .satisfies(p -> assertThat(p.deletedAt()).isNotNull());
    }

    @Test
    void afterARestartOnlyTheChangesSinceTheLastCommitAreApplied() {
        ingest("sms", post("sms", "1", "Erster Beitrag", 0), post("sms", "2", "Zweiter Beitrag", 1));
        assertThat(archive.keepUp()).isEqualTo(2);
        long position = archive.position();
        archive.close();

        ingest("sms", post("sms", "3", "Dritter Beitrag", 2));
        archive = new Archive(store, ArchiveIndex.open(dir.resolve("index")));
        assertThat(archive.position()).isEqualTo(position);
        assertThat(archive.size()).isEqualTo(2);
        assertThat(archive.keepUp()).as("entries applied after the restart").isEqualTo(1);
        assertThat(find("Beitrag", null, null, null, 10)).containsExactly("sms/3", "sms/2", "sms/1");
    }

    @Test
    void aSearchSeesEveryEntryStoredBeforeItWithoutWaitingForTheJob() {
        ingest("sms", post("sms", "1", "Hochwasser an der Elbe", 0));
        assertThat(find("Elbe", null, null, null, 10)).containsExactly("sms/1");
        ingest("sms", post("sms", "2", "Pegel der Elbe sinkt", 1));
        assertThat(find("Elbe", null, null, null, 10)).containsExactly("sms/2", "sms/1");
    }

    @Test
    void aRetentionPurgeRemovesThePurgedEntriesFromTheIndex() {
        ingest("sms", post("sms", "1", "Alter Beitrag", 0), post("sms", "2", "Neuer Beitrag", 30));
        store.versions("sms", "1").forEach(v -> store.commitDetection(v, List.of(), null, "o", Recipients.fixed(List.of()),
                T0.plus(Duration.ofHours(1))));
        store.versions("sms", "2").forEach(v -> store.commitDetection(v, List.of(), null, "o", Recipients.fixed(List.of()),
                T0.plus(Duration.ofHours(1))));
        archive.keepUp();
        assertThat(archive.size()).isEqualTo(2);

        assertThat(store.purgeArchive(T0.plus(Duration.ofMinutes(10)), 0, T0.plus(Duration.ofHours(3)))).isEqualTo(1);
        archive.keepUp();

        assertThat(archive.size()).isEqualTo(1);
        assertThat(find("Beitrag", null, null, null, 10)).containsExactly("sms/2");
    }

    @Test
    void anEmptyIndexOverAFilledStoreIsRebuiltAndARebuildGivesTheSameResults() {
        ingest("sms", post("sms", "1", "Erster Beitrag", 0), post("sms", "2", "Zweiter Beitrag", 1));
        archive.close();
        archive = new Archive(store, ArchiveIndex.open(dir.resolve("other-index")));
        assertThat(archive.size()).isZero();

        assertThat(archive.keepUp()).as("entries rebuilt").isEqualTo(2);
        assertThat(archive.position()).isEqualTo(store.auditHead());
        List<String> before = find("Beitrag", null, null, null, 10);
        assertThat(archive.rebuild()).isEqualTo(2);
        assertThat(find("Beitrag", null, null, null, 10)).isEqualTo(before).containsExactly("sms/2", "sms/1");
    }

    @Test
    void anIndexDirectoryThatCannotBeOpenedIsNamedInTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> ArchiveIndex.open(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }
}
