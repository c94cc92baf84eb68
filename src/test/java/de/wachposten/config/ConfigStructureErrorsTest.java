package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors about the file and the shape of the YAML: reading, syntax, keys, types and environment references. */
class ConfigStructureErrorsTest {
    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    @Test
    void reportsAMissingFileAtLineOne() {
        Path missing = dir.resolve("nope.yaml");
        assertThat(errors(missing, Map.of())).containsExactly(missing + ":1: cannot read file: no such file");
    }

    @Test
    void reportsAFileThatIsNotUtf8() throws Exception {
        java.nio.file.Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThat(errors(f, Map.of())).containsExactly(f + ":1: cannot read file: not valid UTF-8");
    }

    @Test
    void reportsAnEmptyFile() {
        assertThat(errors(dir, "# nothing here\n")).containsExactly(f + ":1: the file is empty (expected the keys "
                + "server, store, rules, smtp, policies, offices, users, channels, archive, offboarding, auth or cluster)");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheParsersLineAndProblem() {
        assertThat(errors(dir, """
                server:
                  port: 8080
                 host: x
                """)).containsExactly(f + ":3: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void reportsATabIndentationAsASyntaxError() {
        assertThat(errors(dir, "server:\n\tport: 8080\n"))
                .containsExactly(f + ":2: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) "
                        + "for indentation)");
    }

    @Test
    void reportsASecondDocumentInTheFile() {
        assertThat(errors(dir, "server: {port: 8080}\n---\nserver: {port: 9090}\n")).containsExactly(
                f + ":2: expected a single document in the stream but found another document");
    }

    @Test
    void reportsAnEmptyListEntryAsEmpty() {
        assertThat(errors(dir, "channels:\n  -\n")).containsExactly(f + ":2: channels[0] must be a mapping, not empty");
    }

    @Test
    void reportsDuplicateKeysWithTheFirstLine() {
        assertThat(errors(dir, """
                server:
                  port: 8080
                  host: 127.0.0.1
                  port: 9090
                """)).containsExactly(f + ":4: duplicate key 'port' in server (first at line 2)");
    }

    @Test
    void reportsUnknownTopLevelKeys() {
        assertThat(errors(dir, "sever:\n  port: 8080\n")).containsExactly(f + ":1: unknown key 'sever' in the top "
                + "level (expected one of: server, store, rules, smtp, policies, offices, users, channels, archive, "
                + "offboarding, auth, cluster)");
    }

    @Test
    void reportsAFileThatIsNotAMapping() {
        assertThat(errors(dir, "- server\n- store\n"))
                .containsExactly(f + ":1: the file must be a mapping, not a list");
    }

    @Test
    void reportsAListWhereAMappingIsExpected() {
        assertThat(errors(dir, "server:\n  - port: 8080\n"))
                .containsExactly(f + ":2: 'server' in the top level must be a mapping, not a list");
    }

    @Test
    void reportsAMappingWhereAStringIsExpected() {
        assertThat(errors(dir, "server:\n  host: {name: x}\n"))
                .containsExactly(f + ":2: 'host' in server must be a string, not a mapping");
    }

    @Test
    void reportsAMappingWhereAListIsExpected() {
        assertThat(errors(dir, "channels:\n  id: sms-twitter\n"))
                .containsExactly(f + ":2: 'channels' in the top level must be a list, not a mapping");
    }

    @Test
    void reportsAListEntryThatIsNotAMapping() {
        assertThat(errors(dir, "offices:\n  - sms-presse\n"))
                .containsExactly(f + ":2: offices[0] must be a mapping, not a string");
    }

    @Test
    void reportsAnUnsetVariableInAnOrdinaryField() {
        assertThat(errors(dir, "server:\n  public_url: https://${PUBLIC_HOST}/\n"))
                .containsExactly(f + ":2: environment variable PUBLIC_HOST is not set ('public_url' in server)");
    }

    @Test
    void reportsAMalformedVariableReference() {
        assertThat(errors(dir, "server:\n  host: ${HOST-NAME}\n")).containsExactly(f + ":2: bad environment "
                + "reference '${HOST-NAME}' in 'host' in server (expected ${NAME} with letters, digits and _; write "
                + "$${ for a literal ${)");
    }

    @Test
    void reportsAPortOutOfRange() {
        assertThat(errors(dir, "server:\n  port: 70000\n"))
                .containsExactly(f + ":2: 'port' in server must be an integer from 0 to 65535, not '70000'");
    }

    @Test
    void reportsAPublicUrlThatIsNotAbsoluteHttp() {
        assertThat(errors(dir, "server:\n  public_url: localhost:8080\n")).containsExactly(f + ":2: 'public_url' "
                + "in server must be an absolute http or https URL, not 'localhost:8080'");
    }

    @Test
    void reportsAJdbcUrlWithoutTheJdbcScheme() {
        assertThat(errors(dir, "store:\n  jdbc_url: postgresql://db/wachposten\n")).containsExactly(f + ":2: "
                + "'jdbc_url' in store must start with jdbc:, not 'postgresql://db/wachposten'");
    }

    @Test
    void reportsAJdbcUrlCarryingAPasswordWithoutQuotingIt() {
        assertThat(errors(dir, "store:\n  jdbc_url: jdbc:postgresql://db:5432/wp?user=wp&password=hunter2\n"))
                .containsExactly(f + ":2: 'jdbc_url' in store must not carry credentials: put the user in 'user' and"
                        + " the password in 'password' (e.g. ${WACHPOSTEN_DB_PASSWORD})");
    }

    @Test
    void reportsAJdbcUrlOfAnotherDatabase() {
        assertThat(errors(dir, "store:\n  jdbc_url: jdbc:mysql://db/wachposten\n")).containsExactly(f + ":2: "
                + "'jdbc_url' in store must be a PostgreSQL URL jdbc:postgresql://HOST:PORT/DB, not"
                + " 'jdbc:mysql://db/wachposten'");
    }

    @Test
    void reportsBadPoolSizesAndTimeoutsOfThePostgresStore() {
        assertThat(errors(dir, "store:\n  jdbc_url: jdbc:postgresql://db:5432/wachposten\n  pool_size: 0\n"
                + "  connect_timeout: soon\n  statement_timeout: 2h\n")).containsExactly(
                f + ":3: 'pool_size' in store must be an integer from 1 to 1000, not '0'",
                f + ":4: bad duration 'soon' for 'connect_timeout' in store (expected a whole number followed by ms,"
                        + " s, m, h or d, e.g. 60s)",
                f + ":5: 'statement_timeout' in store must be from 1s to 1h, not '2h'");
    }

    @Test
    void reportsPostgresKeysWithoutAJdbcUrlAndAPathBesideOne() {
        assertThat(errors(dir, "store:\n  path: data/w.db\n  user: wachposten\n")).containsExactly(
                f + ":3: 'user' in store needs 'jdbc_url' (it applies to PostgreSQL only)");
        assertThat(errors(dir, "store:\n  path: data/w.db\n  jdbc_url: jdbc:postgresql://db/wachposten\n"))
                .containsExactly(f + ":2: 'path' and 'jdbc_url' in store exclude each other: 'path' is the SQLite"
                        + " file, 'jdbc_url' the PostgreSQL database");
    }

    @Test
    void reportsAnSmtpBlockWithoutHostAndFrom() {
        assertThat(errors(dir, "smtp:\n  port: 25\n  starttls: yes\n")).containsExactly(
                f + ":2: missing key 'host' in smtp",
                f + ":2: missing key 'from' in smtp",
                f + ":3: 'starttls' in smtp must be true or false, not 'yes'");
    }
}
