package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy key {@code content: {classifier, threshold}}. */
class ContentPolicyConfigTest {
    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    private static String policy(String body) {
        return "policies:\n  p:\n" + body.indent(4);
    }

    private Policy read(String body) throws ConfigException {
        return ConfigLoader.load(ConfigFiles.write(dir, policy(body)), Map.of()).policies().get("p");
    }

    @Test
    void theClassifierIsOnAtTheDefaultThresholdUnlessThePolicySaysOtherwise() throws ConfigException {
        assertThat(read("approval: none").content()).isEqualTo(ContentSettings.DEFAULTS);
        assertThat(ContentSettings.DEFAULTS.classifier()).isTrue();
        assertThat(read("content: {classifier: off}").content()).isEqualTo(
                new ContentSettings(false, ContentSettings.DEFAULT_THRESHOLD));
        assertThat(read("content: {classifier: on, threshold: 0.9}").content()).isEqualTo(new ContentSettings(true, 0.9));
        assertThat(read("content:\n  threshold: 0\n").content().threshold()).isZero();
        assertThat(read("content:\n  threshold: 1.0\n").content().threshold()).isEqualTo(1.0);
    }

    @Test
    void reportsBadValuesAndUnknownKeysWithFileAndLine() {
        assertThat(errors(dir, policy("content:\n  classifier: maybe\n"))).containsExactly(
                f + ":4: bad classifier 'maybe' in 'content' in policy 'p' (expected on, off, true or false)");
        assertThat(errors(dir, policy("content:\n  threshold: 1.5\n"))).containsExactly(
                f + ":4: 'threshold' in 'content' in policy 'p' must be a number from 0.0 to 1.0, not '1.5'");
        assertThat(errors(dir, policy("content:\n  threshold: high\n"))).containsExactly(
                f + ":4: 'threshold' in 'content' in policy 'p' must be a number from 0.0 to 1.0, not 'high'");
        assertThat(errors(dir, policy("content:\n  classifer: on\n"))).singleElement().asString()
                .startsWith(f + ":4: unknown key 'classifer' in 'content' in policy 'p'");
        assertThat(errors(dir, policy("content: on\n"))).singleElement().asString().startsWith(f + ":3: ");
    }
}
