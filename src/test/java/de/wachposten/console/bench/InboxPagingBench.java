package de.wachposten.console.bench;

import de.wachposten.console.ConsoleFixture;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoredPost;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures paging through the inbox (not a test): the console on a SQLite store with N open alerts of one office
 * (default 10,000), stored through the store (no pipeline, fixed clock). Every alert is {@code unapproved}, every
 * second one also {@code outside_hours}, every 500th also {@code flagged_content}. For the unfiltered inbox and each
 * reason filter the pages are walked from the first by their "older" links ({@code rel="next"}), twice (the first
 * walk warms up); reported from the second walk: the first page, and p50 / p99 / max over the deepest quarter of the
 * pages. Times are a Java client's on loopback (request sent to last byte read), so they include rendering 50 rows.
 * Run: {@code ./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * de.wachposten.console.bench.InboxPagingBench [open alerts]}.
 */
public final class InboxPagingBench {
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\"");

    private InboxPagingBench() {}

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (ConsoleFixture console = new ConsoleFixture()) {
            long t0 = System.nanoTime();
            seed(console, open);
            System.out.printf("seeded %d open alerts in %.1f s%n", open, (System.nanoTime() - t0) / 1e9);
            ConsoleFixture.Browser bernd = console.browser();
            bernd.signIn("bernd");
            for (String filter : List.of("", "reason=unapproved", "reason=outside_hours", "reason=flagged_content")) {
                List<Double> times = List.of();
                int rows = 0;
                for (int walk = 0; walk < 2; walk++) {
                    times = new ArrayList<>();
                    rows = 0;
                    String next = "/alerts" + (filter.isEmpty() ? "" : "?" + filter);
                    while (next != null) {
                        long a = System.nanoTime();
                        HttpResponse<String> r = bernd.get(next);
                        times.add((System.nanoTime() - a) / 1e6);
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(next + " answered " + r.statusCode());
                        }
                        rows += r.body().split("data-alert-id=").length - 1;
                        Matcher m = NEXT.matcher(r.body());
                        next = m.find() ? m.group(1).replace("&amp;", "&") : null;
                    }
                }
                int pages = times.size();
                List<Double> deep = pages == 1 ? times : times.subList(pages - Math.max(1, pages / 4), pages);
                System.out.printf("GET /alerts%s: %d pages, %d rows; first page %.1f ms; deepest %d pages p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", filter.isEmpty() ? "" : "?" + filter, pages, rows,
                        times.getFirst(), deep.size(), pct(deep, 50), pct(deep, 99), Collections.max(deep));
            }
        }
        System.exit(0);
    }

    private static void seed(ConsoleFixture console, int n) {
        Instant start = Instant.parse("2016-01-01T05:00:00Z");
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            posts.add(ConsoleFixture.post("sms-twitter", "seed-" + i, "Beitrag Nummer " + i + " ohne Freigabe.",
                    start.plusSeconds(60L * i)));
        }
        var store = console.store;
        for (int from = 0; from < n; from += 500) {
            List<Post> chunk = posts.subList(from, Math.min(n, from + 500));
            store.ingest("sms-twitter", chunk, List.of(), null, false, chunk.getLast().seenAt());
        }
        for (int i = 0; i < n; i++) {
            Post p = posts.get(i);
            List<Finding> f = new ArrayList<>();
            f.add(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, ""));
            if (i % 2 == 0) {
                f.add(Finding.of(ReasonCode.OUTSIDE_HOURS, Severity.MEDIUM, ""));
            }
            if (i % 500 == 0) {
                f.add(new Finding(ReasonCode.FLAGGED_CONTENT, Severity.HIGH, "", "bench-rule", null, List.of("x")));
            }
            StoredPost v = store.versions("sms-twitter", p.platformId()).getLast();
            store.commitDetection(v, f, null, "sms-presse", Recipients.NONE, p.seenAt());
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1));
    }
}
