package de.wachposten.app;

import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.SimChannel;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every simulator-to-webhook test shares: Vert.x, the platform simulator and a signed-webhook receiver on
 * loopback, and the daemon once started with a config file. A JUnit extension, fresh for every test:
 * {@code @RegisterExtension final SimStack stack = SimStack.at(CLOCK);}.
 */
final class SimStack implements BeforeEachCallback, AfterEachCallback {
    /** The receiver's signing secret; configs reach it as {@code ${HOOK_SECRET}}. */
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    private final Clock clock;
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebhookReceiver receiver;
    private Daemon daemon;

    private SimStack(Clock clock) {
        this.clock = clock;
    }

    /** Simulator and receiver run during each test; the daemon starts with {@link #startDaemon}. */
    static SimStack at(Clock clock) {
        return new SimStack(clock);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, clock);
        sim.start().await(10, TimeUnit.SECONDS);
        receiver = WebhookReceiver.start(vertx, SECRET, clock);
    }

    /** Starts the daemon on {@code config}; {@code ${HOOK_SECRET}} and {@code env} are its environment. */
    Daemon startDaemon(Path config, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("HOOK_SECRET", SECRET);
        daemon = Daemon.start(ConfigLoader.load(config, all), Wiring.defaults().withClock(clock))
                .await(30, TimeUnit.SECONDS);
        return daemon;
    }

    /**
     * Writes a config with one office {@code presse} (English texts, the receiver as its webhook sink), the named
     * {@code policies} (YAML below {@code policies:}) and {@code channels}, each polled every {@code interval} under
     * {@code policy}.
     */
    Path writeConfig(Path dir, String policies, List<SimChannel> channels, String interval, String policy)
            throws Exception {
        StringBuilder y = new StringBuilder("""
                server:
                  port: 0
                store:
                  path: %s
                policies:
                %soffices:
                  - id: presse
                    language: en
                    sinks:
                      - type: webhook
                        url: %s
                        secret: ${HOOK_SECRET}
                channels:
                """.formatted(dir.resolve("wp.db"), policies.indent(2), receiver.url()));
        channels.forEach(c -> y.append(c.yaml("presse", interval, policy)));
        Path file = dir.resolve("wachposten.yaml");
        Files.writeString(file, y);
        return file;
    }

    Vertx vertx() {
        return vertx;
    }

    PlatformSimulator sim() {
        return sim;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (daemon != null) {
            daemon.stop().await(20, TimeUnit.SECONDS);
            daemon = null;
        }
        receiver.close();
        sim.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
