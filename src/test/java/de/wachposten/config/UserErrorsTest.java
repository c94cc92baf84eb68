package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors in users. */
class UserErrorsTest {
    private static final String HASH = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    /** Office {@code presse} on line 1, user {@code anna} from line 3 with {@code body} from line 4. */
    private String user(String body) {
        return "offices: [{id: presse}]\nusers:\n  - id: anna\n" + body.indent(4);
    }

    @Test
    void reportsATokenHashThatIsNotSixtyFourHexCharacters() {
        assertThat(errors(dir, user("roles: [drafter]\ntoken_sha256: " + HASH.substring(1)))).containsExactly(
                f + ":5: token_sha256 in user 'anna' must be 64 hexadecimal characters (use 'wachposten token' to "
                        + "make one)");
    }

    @Test
    void reportsAMissingTokenHash() {
        assertThat(errors(dir, user("roles: [drafter]"))).containsExactly(
                f + ":3: missing key 'token_sha256' in user 'anna'");
    }

    @Test
    void reportsAnUnknownRole() {
        assertThat(errors(dir, user("roles: [drafter, chief]\ntoken_sha256: " + HASH))).containsExactly(
                f + ":4: unknown role 'chief' in user 'anna' (expected drafter, approver, viewer or admin)");
    }

    @Test
    void reportsAnEmptyRoleList() {
        assertThat(errors(dir, user("roles: []\ntoken_sha256: " + HASH))).containsExactly(
                f + ":4: 'roles' in user 'anna' must list at least one role (drafter, approver, viewer or admin)");
    }

    @Test
    void reportsAnUnknownOffice() {
        assertThat(errors(dir, user("roles: [viewer]\noffices: [presse, smk-presse]\ntoken_sha256: " + HASH)))
                .containsExactly(f + ":5: unknown office 'smk-presse' in user 'anna'");
    }

    @Test
    void reportsAMissingUserIdByPosition() {
        assertThat(errors(dir, "users:\n  - name: Anna\n    roles: [viewer]\n    token_sha256: " + HASH + "\n"))
                .containsExactly(f + ":2: missing key 'id' in users[0]");
    }

    @Test
    void reportsADuplicateUserIdAndASharedToken() {
        assertThat(errors(dir, user("roles: [drafter]\ntoken_sha256: " + HASH)
                + "  - id: anna\n    roles: [approver]\n    token_sha256: " + HASH.toUpperCase() + "\n"))
                .containsExactly(
                        f + ":6: duplicate user id 'anna' (first at line 3)",
                        f + ":8: user 'anna' has the same token_sha256 as user 'anna'; every user needs a token of "
                                + "their own");
    }
}
