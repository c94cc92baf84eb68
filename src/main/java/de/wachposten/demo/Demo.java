package de.wachposten.demo;

import ch.qos.logback.classic.Level;
import de.wachposten.app.Cli;
import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * {@code demo}: the daemon on a temporary store against the built-in simulator, which replays the morning of Friday
 * 8 January 2016 on three Saxon channels. Publication times are those of 2016; the replay runs in a few seconds.
 */
public final class Demo {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The text of the 06:30 post. */
    public static final String INCIDENT_TEXT = "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl";
    /** The text of the approved 10:00 post. */
    public static final String APPROVED_TEXT = "Heute 11 Uhr: Ministerin eröffnet das neue Pflegeheim in Chemnitz. "
            + "Alle Infos: https://www.sms.sachsen.de/pflege";

    private final PrintStream out;
    private final PrintStream err;
    private final Wiring wiring = Wiring.defaults();
    /** Runs from the afternoon before the incident; each scripted step jumps it to that step's time. */
    private final ReplayClock clock = new ReplayClock(wiring.clock(), berlin("2016-01-07T16:00:00"));

    Demo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * {@code demo [--exit-when-done] [--sinks FILE]}, as the command line calls it.
     *
     * @param sinksFile the {@code --sinks} file, or null
     * @return the exit code
     */
    public static int command(boolean exitWhenDone, Path sinksFile, PrintStream out, PrintStream err) {
        DemoSinks sinks = DemoSinks.none();
        if (sinksFile != null) {
            try {
                sinks = DemoSinks.read(sinksFile);
            } catch (java.io.IOException e) {
                err.println("wachposten demo: " + e.getMessage());
                return Cli.USAGE;
            }
        }
        return new Demo(out, err).run(exitWhenDone, sinks);
    }

    int run(boolean exitWhenDone) {
        return run(exitWhenDone, DemoSinks.none());
    }

    int run(boolean exitWhenDone, DemoSinks sinks) {
        quietLogs();
        Vertx vertx = Vertx.vertx();
        PlatformSimulator sim = null;
        Daemon daemon = null;
        DemoReceiver receiver = null;
        try {
            Path dir = Files.createTempDirectory("wachposten-demo");
            sim = new PlatformSimulator(vertx, clock);
            sim.start().await(10, TimeUnit.SECONDS);
            String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24));
            AlertPrinter printer = new AlertPrinter(BERLIN);
            receiver = new DemoReceiver(vertx, secret, clock,
                    r -> out.println(printer.render(r.body(), r.webhookId(), r.signatureValid())));
            int hookPort = receiver.start().await(10, TimeUnit.SECONDS);
            Config config = config(dir, sim.baseUrl(), "http://127.0.0.1:" + hookPort, secret, sinks);
            DemoScript script = new DemoScript(sim.mastodon(), out, printer, clock);
            script.history();
            daemon = Daemon.start(config, wiring.withClock(clock)).await(30, TimeUnit.SECONDS);
            String api = "http://127.0.0.1:" + daemon.apiPort();
            intro(api, dir);
            script.morning(new Api(api));
            boolean complete = script.awaitAlerts(receiver, Duration.ofSeconds(30)) && outboxDrained(daemon);
            summary(api, complete);
            afterwards(dir);
            if (exitWhenDone) {
                return complete ? Cli.OK : Cli.FAILED;
            }
            out.println("The demo keeps running; press Ctrl+C to stop it.");
            out.flush();
            return Cli.runUntilSignal(daemon);
        } catch (Exception e) {
            err.println("wachposten demo: " + e.getMessage());
            return Cli.FAILED;
        } finally {
            if (exitWhenDone) {
                stopQuietly(daemon, receiver, sim, vertx);
            }
        }
    }

    /** Writes the demo config with its values filled in, so {@code report} and {@code verify-audit} can read it later. */
    /** Waits until every sink (also e-mail, chat, Alertmanager of {@code --sinks}) got its alerts. */
    private boolean outboxDrained(Daemon daemon) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (daemon.store().outboxBacklog() > 0) {
            if (System.nanoTime() > deadline) {
                err.println("wachposten demo: " + daemon.store().outboxBacklog() + " deliveries still waiting in the outbox");
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private Config config(Path dir, String simUrl, String hookUrl, String secret, DemoSinks sinks) throws Exception {
        Path file = dir.resolve("demo.yaml");
        String yaml;
        try (InputStream in = Demo.class.getResourceAsStream("/demo/demo.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, String> values = Map.of("DEMO_SIM_URL", simUrl, "DEMO_HOOK_URL", hookUrl,
                "DEMO_HOOK_SECRET", secret, "DEMO_STORE", dir.resolve("wachposten.db").toString(),
                "DEMO_SMTP", sinks.smtpBlock, "DEMO_EXTRA_SINKS", sinks.sinksBlock);
        for (Map.Entry<String, String> v : values.entrySet()) {
            yaml = yaml.replace("${" + v.getKey() + "}", v.getValue());
        }
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of());
    }

    private void afterwards(Path dir) {
        Path config = dir.resolve("demo.yaml");
        out.println("After the incident: the store and config stay in " + dir);
        out.println("  wachposten report --config " + config
                + " --channel sms-sachsen --from 2016-01-08 --to 2016-01-09");
        out.println("  wachposten verify-audit --config " + config);
        out.println();
    }

    private void intro(String api, Path dir) {
        out.println("Wachposten demo: the morning of Friday 8 January 2016");
        out.println("  simulated channels: sms-sachsen (@SMS_Sachsen, four-eyes rule, Mon-Fri 07:00-19:00),");
        out.println("                      smi-sprecher (@SMItweets, dormant), polizei-sachsen (@polizeisachsen)");
        out.println("  store: " + dir.resolve("wachposten.db") + "   API: " + api + "   metrics: " + api + "/metrics");
        out.println();
    }

    private void summary(String api, boolean complete) throws Exception {
        JsonArray alerts = new JsonArray(new Api(api).get("/api/v1/alerts", "demo-bernd"));
        out.println("Summary: " + alerts.size() + " alerts stored; " + (complete
                ? "every expected alert was delivered to the press office's webhook."
                : "NOT every expected alert arrived in time (see the log)."));
        for (int i = 0; i < alerts.size(); i++) {
            JsonObject a = alerts.getJsonObject(i);
            out.println("  " + a.getString("alert_id") + "  " + a.getString("channel") + "  " + a.getString("severity")
                    + "  " + a.getString("status") + "  " + a.getJsonArray("reasons").stream()
                    .map(r -> ((JsonObject) r).getString("code")).toList());
        }
        out.println();
        out.println("Open the console: " + api + "/login");
        out.println("  sign in with the token demo-bernd (Bernd, approver) or demo-anna (Anna, drafter)");
        out.println();
        out.println("Try the API (tokens: demo-anna = drafter, demo-bernd = approver):");
        out.println("  curl -H 'Authorization: Bearer demo-bernd' " + api + "/api/v1/alerts");
        out.println("  curl -H 'Authorization: Bearer demo-bernd' " + api + "/api/v1/channels");
        out.println();
    }

    private static void quietLogs() {
        if (System.getenv("WACHPOSTEN_LOG_LEVEL") == null
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(Level.WARN);
        }
    }

    private static void stopQuietly(Daemon daemon, DemoReceiver receiver, PlatformSimulator sim, Vertx vertx) {
        try {
            if (daemon != null) {
                daemon.stop().await(20, TimeUnit.SECONDS);
            }
            if (receiver != null) {
                receiver.stop().await(5, TimeUnit.SECONDS);
            }
            if (sim != null) {
                sim.stop().await(5, TimeUnit.SECONDS);
            }
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the demo is over either way
        }
    }

    /** A small blocking client for the demo's own API calls (the demo's main thread is no event loop). */
    public static final class Api {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        public Api(String base) {
            this.base = base;
        }

        public HttpResponse<String> post(String path, String token, JsonObject body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        public String get(String path, String token) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** A local date-time in Berlin. */
    public static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
