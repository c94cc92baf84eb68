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
        StringBuilder entries = new StringBuilder();
        channels.forEach(c -> entries.append(c.yaml("presse", interval, policy)));
        return write(dir, "policies:\n" + policies.indent(2), "  - id: presse\n    language: en\n", entries.toString());
    }

    /**
     * Writes a config with one office {@code sms-presse} (the receiver as its webhook sink) and {@code channels}: the
     * entries below {@code channels:}, each starting with {@code - id:} at the start of a line.
     */
    Path writeConfig(Path dir, String channels) throws Exception {
        return write(dir, "", "  - id: sms-presse\n", channels.indent(2));
    }

    private Path write(Path dir, String policies, String office, String channels) throws Exception {
        Path file = dir.resolve("wachposten.yaml");
        Files.writeString(file, """
                server:
                  port: 0
                store:
                  path: %s
                %soffices:
                %s    sinks:
                      - type: webhook
                        url: %s
                        secret: ${HOOK_SECRET}
                channels:
                %s""".formatted(dir.resolve("wp.db"), policies, office, receiver.url(), channels));
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
