package de.wachposten.browser;

import de.wachposten.testkit.ExternalProgram;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario of {@code src/test/browser/scenarios.mjs} with Node.js: playwright-core drives Debian's Chromium
 * ({@code /usr/bin/chromium}, headless, no browser download). The script and this class talk in lines: the script
 * prints {@code @step NAME JSON} and waits for a line {@code JSON} on its stdin (what the Java side did meanwhile),
 * and ends with {@code @result JSON}. Chromium, Node.js or the script's {@code node_modules} missing: the test is
 * skipped outside CI with the install command, and fails with {@code CI=true}.
 */
final class BrowserKit {
    static final Path SCRIPTS = Path.of("src/test/browser");
    static final String CHROMIUM = "/usr/bin/chromium";

    private BrowserKit() {}

    /** Checks that Chromium, Node.js, playwright-core and axe-core are there (skip or fail as the class says). */
    static void require() {
        ExternalProgram.requireFile(Path.of(CHROMIUM), "apt-get install chromium");
        ExternalProgram.require("node", "apt-get install nodejs npm");
        for (String module : new String[] {"playwright-core", "axe-core"}) {
            ExternalProgram.requireFile(SCRIPTS.resolve("node_modules/" + module + "/package.json"),
                    "cd src/test/browser && npm ci --ignore-scripts");
        }
    }

    /** Starts {@code scenario} against the console at {@code base}; {@code params} reach it as {@code WP_PARAMS}. */
    static Run start(String scenario, String base, JsonObject params) {
        require();
        ProcessBuilder pb = new ProcessBuilder("node", "scenarios.mjs", scenario).directory(SCRIPTS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.put("WP_BASE", base);
        env.put("WP_CHROMIUM", CHROMIUM);
        env.put("WP_PARAMS", params.encode());
        env.put("WP_SHOTS", Path.of(System.getProperty("wachposten.screenshots", "target/screenshots"))
                .toAbsolutePath().toString());
        try {
            return new Run(scenario, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running scenario. */
    static final class Run implements AutoCloseable {
        private final String scenario;
        private final Process process;
        private final Writer stdin;
        private final BlockingQueue<String[]> messages = new LinkedBlockingQueue<>();
        private final List<String> output = new ArrayList<>();

        private Run(String scenario, Process process) {
            this.scenario = scenario;
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "browser-" + scenario);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("@step ")) {
                        messages.add(line.split(" ", 3));
                    } else if (line.startsWith("@result ")) {
                        messages.add(new String[] {"@result", "", line.substring("@result ".length())});
                    } else {
                        synchronized (output) {
                            output.add(line);
                        }
                        System.out.println("[" + scenario + "] " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            messages.add(new String[] {"@eof", "", "{}"});
        }

        private String[] next(long seconds) {
            try {
                String[] m = messages.poll(seconds, TimeUnit.SECONDS);
                if (m == null) {
                    throw new AssertionError(scenario + ": no answer from the browser script within " + seconds + " s");
                }
                return m;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits for the script's step {@code name}; returns what it reported with it. */
        JsonObject awaitStep(String name) {
            String[] m = next(60);
            if (!m[0].equals("@step") || !m[1].equals(name)) {
                throw new AssertionError(scenario + ": expected step " + name + ", got " + String.join(" ", m));
            }
            return new JsonObject(m[2]);
        }

        /** Lets the script go on past its step, telling it {@code what}. */
        void proceed(JsonObject what) {
            try {
                stdin.write(what.encode() + "\n");
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void proceed() {
            proceed(new JsonObject());
        }

        /** The scenario's result; fails the test with the script's error when it threw. */
        JsonObject result() {
            String[] m = next(120);
            if (!m[0].equals("@result")) {
                throw new AssertionError(scenario + ": expected the result, got " + String.join(" ", m));
            }
            JsonObject r = new JsonObject(m[2]);
            if (r.containsKey("error")) {
                throw new AssertionError(scenario + " failed in the browser: " + r.getString("error"));
            }
            return r;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
