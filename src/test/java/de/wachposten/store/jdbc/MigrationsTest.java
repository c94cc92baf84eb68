package de.wachposten.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migration list and the scripts of both dialects agree, so a version added for one is added for the other. */
class MigrationsTest {

    @Test
    void everyDialectHasExactlyTheListedScripts() throws IOException {
        for (Dialect d : Dialect.values()) {
            Path dir = Path.of("src/main/resources").resolve(d.migrations());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted()
                        .toList()).as("scripts in %s", dir)
                        .containsExactlyInAnyOrderElementsOf(Migrations.SCRIPTS);
            }
            for (String script : Migrations.SCRIPTS) {
                assertThat(SqlScript.load(d.migrations() + script)).as("%s%s", d.migrations(), script).isNotEmpty();
            }
        }
    }

    @Test
    void migrateStoreCopiesEveryTableOfTheSchema(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.util.Set<String> tables = new java.util.TreeSet<>();
        try (JdbcStore store = SqliteStore.open(dir.resolve("w.db"), java.time.Clock.systemUTC());
             java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
             java.sql.ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.remove("schema_version");
        tables.removeAll(StoreCopy.NOT_COPIED);
        assertThat(StoreCopy.TABLES).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void theScriptsAreNumberedInOrderWithoutGaps() {
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            assertThat(Migrations.SCRIPTS.get(i)).startsWith("V" + (i + 1) + "__");
        }
    }

    @Test
    void aDollarQuotedFunctionBodyStaysOneStatement() {
        List<String> statements = SqlScript.split("""
                CREATE FUNCTION f() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION 'no';
                END;
                $$ LANGUAGE plpgsql;
                CREATE TABLE t (x INTEGER);
                """);
        assertThat(statements).hasSize(2);
        assertThat(statements.getFirst()).startsWith("CREATE FUNCTION").endsWith("LANGUAGE plpgsql;");
    }
}
