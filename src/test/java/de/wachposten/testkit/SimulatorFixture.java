package de.wachposten.testkit;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.config.Secret;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a connector test stands on: Vert.x, a {@link ConnectorEnv} and the {@link PlatformSimulator} on 127.0.0.1, all
 * with one clock; publish times a minute apart; a builder for the channel under test. Created before each test and
 * closed after it, which stops the simulator and Vert.x.
 */
public final class SimulatorFixture implements AutoCloseable {
    /** How long starting or stopping the simulator and Vert.x may take. */
    private static final long START_STOP_SECONDS = 10;

    private final Vertx vertx;
    private final ConnectorEnv env;
    private final Clock clock;
    private final AtomicLong minute = new AtomicLong();
    private PlatformSimulator sim;

    private SimulatorFixture(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.vertx = Vertx.vertx();
        this.env = new ConnectorEnv(vertx, WebClient.create(vertx), clock);
    }

    /** Vert.x and a connector environment with {@code clock}; the simulator starts with {@link #startSimulator()}. */
    public static SimulatorFixture create(Clock clock) {
        return new SimulatorFixture(clock);
    }

    /** Vert.x, a connector environment and a running simulator, all with {@code clock}. */
    public static SimulatorFixture start(Clock clock) throws Exception {
        SimulatorFixture fixture = create(clock);
        try {
            fixture.startSimulator().await(START_STOP_SECONDS, TimeUnit.SECONDS);
            return fixture;
        } catch (Exception e) {
            fixture.close();
            throw e;
        }
    }

    /** Starts the simulator on this fixture's Vert.x with its clock; once per fixture. */
    public Future<PlatformSimulator> startSimulator() {
        if (sim != null) {
            throw new IllegalStateException("simulator fixture: the simulator is already started");
        }
        sim = new PlatformSimulator(vertx, clock);
        return sim.start();
    }

    public Vertx vertx() {
        return vertx;
    }

    public ConnectorEnv env() {
        return env;
    }

    /** The simulator; fails when {@link #startSimulator()} was not called. */
    public PlatformSimulator sim() {
        if (sim == null) {
            throw new IllegalStateException("simulator fixture: the simulator is not started");
        }
        return sim;
    }

    /** The simulator's base URL, as a channel's {@code base_url}. */
    public URI baseUrl() {
        return URI.create(sim().baseUrl());
    }

    /** The time of the next post: a day before the clock at first, then one minute later at each call. */
    public Instant nextTime() {
        return clock.instant().minus(Duration.ofDays(1)).plusSeconds(60 * minute.incrementAndGet());
    }

    /** Stops the simulator (when started), then Vert.x, waiting for each. */
    @Override
    public void close() throws Exception {
        try {
            if (sim != null) {
                sim.stop().await(START_STOP_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().await(START_STOP_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * A channel {@code id} on {@code platform} watching {@code account}: office {@code sms}, polled every minute, under
     * a permissive policy, without base URL or credentials until set.
     */
    public static ChannelBuilder channel(String id, String platform, String account) {
        return new ChannelBuilder(id, platform, account);
    }

    /** Builds the {@link ChannelConfig} of a connector test; each setter returns the builder. */
    public static final class ChannelBuilder {
        private final String id;
        private final String platform;
        private final String account;
        private final Map<String, Secret> credentials = new LinkedHashMap<>();
        private String name;
        private String office = "sms";
        private URI baseUrl;
        private Duration pollInterval = Duration.ofMinutes(1);

        private ChannelBuilder(String id, String platform, String account) {
            this.id = id;
            this.platform = platform;
            this.account = account;
        }

        /** The display name; without one the channel is named by its id. */
        public ChannelBuilder name(String name) {
            this.name = name;
            return this;
        }

        public ChannelBuilder office(String office) {
            this.office = office;
            return this;
        }

        public ChannelBuilder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public ChannelBuilder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Adds credential {@code key} with {@code value} read from {@code envVar}; a null value adds nothing. */
        public ChannelBuilder credential(String key, String value, String envVar) {
            return value == null ? this : credential(key, Secret.of(value, envVar));
        }

        public ChannelBuilder credential(String key, Secret secret) {
            credentials.put(key, secret);
            return this;
        }

        public ChannelConfig build() {
            return new ChannelConfig(id, name, platform, account, office, baseUrl, credentials, pollInterval, false,
                    null, Policy.permissive(), List.of(), List.of(), 1);
        }
    }
}
