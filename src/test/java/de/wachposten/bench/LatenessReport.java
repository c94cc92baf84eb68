package de.wachposten.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the daemon's /metrics text during a benchmark: poll lateness histograms per platform and phase (as the
 * difference of the cumulative buckets at the phase's end and start), the largest {@code _max} seen per platform and
 * phase, peak heap and average process CPU.
 */
final class LatenessReport {
    private static final Pattern BUCKET = Pattern.compile("wachposten_poll_lateness_seconds_bucket\\{([^}]*)} (\\S+)");
    private static final Pattern MAX = Pattern.compile("wachposten_poll_lateness_seconds_max\\{platform=\"([a-z]+)\"} (\\S+)");
    private static final Pattern PLATFORM = Pattern.compile("platform=\"([a-z]+)\"");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final List<String> platforms;
    private final Map<String, Map<String, TreeMap<Double, Double>>> histograms = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> maxima = new LinkedHashMap<>();
    private Map<String, TreeMap<Double, Double>> last = Map.of();
    private String lastMetrics = "";
    private double peakHeap;
    private double cpuSum;
    private int cpuSamples;

    LatenessReport(List<String> platforms) {
        this.platforms = platforms;
    }

    /** One scrape during {@code phase}. */
    void sample(String phase, String metrics) {
        lastMetrics = metrics;
        Matcher m = MAX.matcher(metrics);
        Map<String, Double> max = maxima.computeIfAbsent(phase, p -> new HashMap<>());
        while (m.find()) {
            max.merge(m.group(1), Double.parseDouble(m.group(2)), Math::max);
        }
        peakHeap = Math.max(peakHeap, sum(metrics, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)"));
        if (!phase.equals("warm-up")) {
            cpuSum += sum(metrics, "(?m)^process_cpu_usage (\\S+)");
            cpuSamples++;
        }
    }

    /** The scrape that closes {@code phase}: its histogram is the difference to the previous phase's end. */
    void phaseEnds(String phase, String metrics) {
        Map<String, TreeMap<Double, Double>> now = buckets(metrics);
        Map<String, TreeMap<Double, Double>> delta = new LinkedHashMap<>();
        now.forEach((platform, b) -> {
            TreeMap<Double, Double> before = last.getOrDefault(platform, new TreeMap<>());
            TreeMap<Double, Double> d = new TreeMap<>();
            b.forEach((le, n) -> d.put(le, n - before.getOrDefault(le, 0.0)));
            delta.put(platform, d);
        });
        histograms.put(phase, delta);
        last = now;
    }

    void print(String hanging) {
        for (var phase : histograms.entrySet()) {
            System.out.printf(Locale.ROOT, "%n== %s ==%n%-10s %8s %10s %10s %10s%n", phase.getKey(), "platform", "polls",
                    "p50<=s", "p99<=s", "max s");
            TreeMap<Double, Double> others = new TreeMap<>();
            for (String platform : platforms) {
                TreeMap<Double, Double> h = phase.getValue().getOrDefault(platform, new TreeMap<>());
                double max = maxima.getOrDefault(phase.getKey(), Map.of()).getOrDefault(platform, 0.0);
                line(platform, h, max);
                if (!platform.equals(hanging)) {
                    h.forEach((le, n) -> others.merge(le, n, Double::sum));
                }
            }
            double othersMax = platforms.stream().filter(p -> !p.equals(hanging))
                    .mapToDouble(p -> maxima.getOrDefault(phase.getKey(), Map.of()).getOrDefault(p, 0.0)).max().orElse(0);
            line("not " + hanging, others, othersMax);
        }
        System.out.println();
        Matcher r = Pattern.compile("wachposten_polls_total\\{platform=\"([a-z]+)\",result=\"([a-z_]+)\"} (\\S+)")
                .matcher(lastMetrics);
        StringBuilder results = new StringBuilder("poll results (whole run):");
        while (r.find()) {
            if (Double.parseDouble(r.group(3)) > 0) {
                results.append(' ').append(r.group(1)).append('.').append(r.group(2)).append('=')
                        .append(Math.round(Double.parseDouble(r.group(3))));
            }
        }
        System.out.println(results);
        System.out.printf(Locale.ROOT, "heap: peak used %.1f MiB (cap -Xmx512m); process CPU after warm-up: %.1f %% of "
                + "the machine (%d cores)%n", peakHeap / 1024 / 1024, cpuSamples == 0 ? 0 : cpuSum / cpuSamples * 100,
                Runtime.getRuntime().availableProcessors());
        System.out.println("(max s: the largest wachposten_poll_lateness_seconds_max scraped during the phase; "
                + "Micrometer keeps a maximum for up to 3 minutes, so it may carry over from the previous phase)");
    }

    private static void line(String name, TreeMap<Double, Double> h, double max) {
        double total = h.isEmpty() ? 0 : h.lastEntry().getValue();
        System.out.printf(Locale.ROOT, "%-10s %8.0f %10s %10s %10.3f%n", name, total, quantile(h, total, 0.5),
                quantile(h, total, 0.99), max);
    }

    private static Map<String, TreeMap<Double, Double>> buckets(String metrics) {
        Map<String, TreeMap<Double, Double>> byPlatform = new HashMap<>();
        Matcher b = BUCKET.matcher(metrics);
        while (b.find()) {
            Matcher p = PLATFORM.matcher(b.group(1));
            Matcher le = LE.matcher(b.group(1));
            if (p.find() && le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                byPlatform.computeIfAbsent(p.group(1), k -> new TreeMap<>()).put(bound, Double.parseDouble(b.group(2)));
            }
        }
        return byPlatform;
    }

    private static String quantile(TreeMap<Double, Double> buckets, double total, double q) {
        if (total == 0) {
            return "-";
        }
        for (var e : buckets.entrySet()) {
            if (e.getValue() >= q * total) {
                return String.valueOf(e.getKey());
            }
        }
        return "?";
    }

    private static double sum(String metrics, String regex) {
        Matcher m = Pattern.compile(regex).matcher(metrics);
        double s = 0;
        while (m.find()) {
            s += Double.parseDouble(m.group(1));
        }
        return s;
    }
}
