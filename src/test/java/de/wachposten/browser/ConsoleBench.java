package de.wachposten.browser;

import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoredPost;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the console (not a test): the real daemon as in {@link ConsoleBrowserTest}, Debian's Chromium through
 * {@code src/test/browser/scenarios.mjs}.
 * <ol>
 * <li>Inbox first render with N open alerts (default 10,000, stored straight into the daemon's store): response time
 * of {@code GET /alerts} over 50 requests, measured by a Java client on loopback (request sent to last byte read),
 * and first paint / first contentful paint in Chromium (Paint Timing API) over 20 fresh loads.</li>
 * <li>Page weight of {@code /alerts}: HTML of that first page plus {@code console.css} and {@code console.js}.</li>
 * <li>Live arrival: M alerts (default 200, 5 per second) published on the simulator while an inbox is open; per alert
 * the time from the webhook request at a receiver in this JVM to the row appearing in the page (a MutationObserver's
 * {@code Date.now()}), both on this machine's clock.</li>
 * </ol>
 * An argument of 0 skips that part. The live part also prints how many requests the simulated Mastodon instance
 * answered: {@link ConsoleStack} lets it report a rate limit far above the 200 ms polling, because with Mastodon's
 * 300 requests per 5 minutes the two channels spend the window in about 15 s and the daemon then (rightly) waits for
 * its reset, so only the posts of the first seconds became alerts within a run.
 * Run: {@code ./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * de.wachposten.browser.ConsoleBench [open alerts] [live alerts]}.
 */
public final class ConsoleBench {
    private ConsoleBench() {}

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int live = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        BrowserKit.require();
        if (open > 0) {
            firstRender(open);
        }
        if (live > 0) {
            liveArrival(live);
        }
        System.exit(0);
    }

    private static void firstRender(int open) throws Exception {
        try (ConsoleStack s = new ConsoleStack("2016-01-08T06:00:00")) {
            long t0 = System.nanoTime();
            seed(s, open);
            System.out.printf("seeded %d open alerts in %.1f s%n", open, (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = signIn(http, s.base(), "test-bernd");
            List<Double> ms = new ArrayList<>();
            int html = 0;
            for (int i = 0; i < 60; i++) {
                long a = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/alerts"))
                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
                double took = (System.nanoTime() - a) / 1e6;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("/alerts answered " + r.statusCode());
                }
                html = r.body().length;
                if (i >= 10) { // the first ten warm the JIT
                    ms.add(took);
                }
            }
            System.out.printf("GET /alerts with %d open alerts (50 rows), %d requests after 10 warm-up: "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", open, ms.size(), pct(ms, 50), pct(ms, 99),
                    Collections.max(ms));
            int css = size(http, s.base() + "/static/console.css", cookie);
            int js = size(http, s.base() + "/static/console.js", cookie);
            System.out.printf("page weight of /alerts: HTML %d + CSS %d + JS %d = %d bytes (uncompressed)%n",
                    html, css, js, html + css + js);
            try (BrowserKit.Run run = BrowserKit.start("paint", s.base(),
                    new JsonObject().put("token", "test-bernd").put("runs", 20))) {
                JsonObject r = run.result();
                List<Double> fp = new ArrayList<>();
                List<Double> fcp = new ArrayList<>();
                List<Double> ttfb = new ArrayList<>();
                r.getJsonArray("runs").stream().map(JsonObject.class::cast).forEach(x -> {
                    if (x.getDouble("firstPaint") == null || x.getDouble("fcp") == null) {
                        System.out.println("a load without paint timing: " + x.encode());
                        return;
                    }
                    fp.add(x.getDouble("firstPaint"));
                    fcp.add(x.getDouble("fcp"));
                    ttfb.add(x.getDouble("ttfb"));
                });
                System.out.printf("Chromium, %d loads of /alerts: first paint p50 %.0f ms, max %.0f ms; first "
                        + "contentful paint p50 %.0f ms, max %.0f ms; time to first byte p50 %.0f ms%n", fp.size(),
                        pct(fp, 50), Collections.max(fp), pct(fcp, 50), Collections.max(fcp), pct(ttfb, 50));
            }
        }
    }

    private static void seed(ConsoleStack s, int n) {
        Instant start = de.wachposten.demo.Demo.berlin("2016-01-01T06:00:00");
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = start.plusSeconds(60L * i);
            posts.add(new Post("sms-sachsen", "mastodon", "seed-" + i, "https://social.example/@SMS_Sachsen/seed-" + i,
                    "SMS_Sachsen", "Beitrag Nummer " + i + " ohne Freigabe, veröffentlicht außerhalb der Zeiten.", t,
                    null, "Twitter for Windows", "de", List.of(), t.plusSeconds(30), "{}"));
        }
        var store = s.daemon.store();
        for (int from = 0; from < n; from += 500) {
            List<Post> chunk = posts.subList(from, Math.min(n, from + 500));
            store.ingest("sms-sachsen", chunk, List.of(), null, false, chunk.getLast().seenAt());
        }
        for (Post p : posts) {
            StoredPost v = store.versions("sms-sachsen", p.platformId()).getLast();
            store.commitDetection(v, List.of(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "")), null,
                    "sms-presse", Recipients.NONE, p.seenAt());
        }
    }

    private static void liveArrival(int count) throws Exception {
        Vertx vertx = Vertx.vertx();
        Map<String, Long> received = new ConcurrentHashMap<>();
        var server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            long now = System.currentTimeMillis();
            try {
                received.putIfAbsent(new JsonObject(b).getString("alert_id"), now);
            } catch (RuntimeException ignored) {
                // not an alert
            }
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        try (ConsoleStack s = new ConsoleStack("2016-01-08T05:00:00", "http://127.0.0.1:" + server.actualPort()
                + "/hook");
             BrowserKit.Run run = BrowserKit.start("arrivals", s.base(),
                     new JsonObject().put("token", "test-bernd").put("count", count))) {
            run.awaitStep("open");
            int requestsBefore = s.sim.requestCount(null, null);
            Map<String, Long> published = new ConcurrentHashMap<>();
            long runStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String post = s.sim.mastodon().publish(s.sms, "Live-Beitrag " + i + " ohne Freigabe.",
                        s.clock.instant(), "Twitter for Windows");
                published.put(Alert.idFor("sms-sachsen", post), System.currentTimeMillis());
                Thread.sleep(200);
            }
            run.proceed();
            JsonObject result = run.result();
            double seconds = (System.nanoTime() - runStart) / 1e9;
            int requests = s.sim.requestCount(null, null) - requestsBefore;
            System.out.printf("simulator: %d API requests in the %.0f s of the run (%.1f/s; %d before it); alerts "
                    + "in the store: %d%n", requests, seconds, requests / seconds, requestsBefore,
                    s.daemon.store().alerts(null, "sms-sachsen").size());
            JsonObject arrived = result.getJsonObject("arrived");
            System.out.printf("published %d, webhooks received %d, rows arrived live %d (complete: %s)%n", count,
                    received.size(), arrived.stream().filter(e -> ((Number) e.getValue()).longValue() > 0).count(),
                    result.getBoolean("complete"));
            List<Double> lag = new ArrayList<>();
            List<Double> fromPublish = new ArrayList<>();
            int missing = 0;
            for (String id : arrived.fieldNames()) {
                long page = arrived.getLong(id);
                Long hook = received.get(id);
                if (page == 0) {
                    continue;
                }
                if (hook == null) {
                    missing++;
                    continue;
                }
                lag.add((double) (page - hook));
                if (published.containsKey(id)) {
                    fromPublish.add((double) (page - published.get(id)));
                }
            }
            System.out.printf("live arrival of %d alerts (5/s, poll 200 ms): webhook request -> row in the open inbox "
                    + "p50 %.0f ms, p99 %.0f ms, min %.0f ms, max %.0f ms; %d rows without a webhook yet%n",
                    lag.size(), pct(lag, 50), pct(lag, 99), Collections.min(lag), Collections.max(lag), missing);
            System.out.println("  (negative: the row was in the page before the webhook request arrived; the console "
                    + "pushes on commit, the webhook goes out through the outbox after it)");
            System.out.printf("post published at the simulator -> row in the open inbox: p50 %.0f ms, p99 %.0f ms, "
                    + "max %.0f ms (includes the 200 ms poll interval)%n", pct(fromPublish, 50), pct(fromPublish, 99),
                    Collections.max(fromPublish));
        } finally {
            server.close().await(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }

    private static int size(HttpClient http, String url, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static String signIn(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on /login");
        }
        String loginCookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
        String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie",
                loginCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("wachposten_session=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in failed: " + r.statusCode()));
    }

    private static double pct(List<Double> values, int p) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1));
    }
}
