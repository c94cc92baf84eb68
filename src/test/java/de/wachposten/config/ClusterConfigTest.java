package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code cluster} block. */
class ClusterConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToATenSecondLeaseAndTheHostAndProcessAsInstance() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "offices:\n  - id: presse\n"), Map.of());
        assertThat(c.cluster()).isEqualTo(Config.Cluster.DEFAULT);
        assertThat(c.cluster().leaseTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.cluster().instance()).isNull();
    }

    @Test
    void readsTheInstanceAndLeaseTime() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "cluster:\n  instance: wp-1\n  lease_ttl: 20s\n"),
                Map.of());
        assertThat(c.cluster()).isEqualTo(new Config.Cluster("wp-1", Duration.ofSeconds(20)));
    }

    @Test
    void namesABadInstanceAndALeaseTimeOutOfRange() {
        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors(dir, "cluster:\n  instance: 'wp 1'\n  lease_ttl: 1s\n")).containsExactly(
                f + ":2: 'instance' in cluster must be 1 to 64 letters, digits, '.', '-' or '_', not 'wp 1'",
                f + ":3: 'lease_ttl' in cluster must be between 3s and 5m, not '1s'");
        assertThat(errors(dir, "cluster:\n  lease_ttl: soon\n")).singleElement().asString()
                .startsWith(f + ":2: bad lease_ttl 'soon' in cluster");
    }
}
