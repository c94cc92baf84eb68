package de.wachposten.bench;

import de.wachposten.approval.ApprovalMatcher;
import de.wachposten.model.Approval;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Harness (not a test): matches one post against 10,000 open approvals of its channel and prints the median and p99
 * time per match. Bar: p99 ≤ 5 ms. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.wachposten.bench.ApprovalMatchBench}
 * or from the IDE.
 */
public final class ApprovalMatchBench {
    private static final String[] WORDS = ("die der das und für mit von zum am im ministerium staatsregierung sachsen"
            + " pressemitteilung förderung pflege schule kita bürger information termin woche montag heute morgen"
            + " neue regeln gesundheit sozial familie kinder jugend senioren ehrenamt hilfe beratung antrag online"
            + " veranstaltung besuch ministerin staatssekretär landkreis stadt dresden leipzig chemnitz").split(" ");

    private ApprovalMatchBench() {}

    public static void main(String[] args) {
        Random rnd = new Random(42);
        Instant now = Instant.parse("2016-01-08T09:00:00Z");
        List<Approval> approvals = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            approvals.add(new Approval("ap-" + i, "sms-twitter", sentence(rnd, 20 + rnd.nextInt(30))
                    + " https://sms.sachsen.de/pm/" + i, null, null, "anna", "bernd", now.minusSeconds(i), null, null, null));
        }
        ApprovalMatcher matcher = new ApprovalMatcher();
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(i % 2 == 0 ? approvals.get(rnd.nextInt(approvals.size())).text().replace(" die ", " ")
                    : sentence(rnd, 35));
        }
        for (int i = 0; i < 300; i++) {
            matcher.match(posts.get(i % posts.size()), List.of(), now, approvals, 0.9);
        }
        int runs = 2000;
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            String text = posts.get(i % posts.size());
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            matcher.match(text, List.of(), now, approvals, 0.9);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        report("wall", wall);
        report("cpu ", cpu);
    }

    // Wall time suffers when the machine is shared; thread CPU time shows the cost of the match itself.
    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        int runs = nanos.length;
        System.out.printf("%s approvals=10000 runs=%d median=%.3f ms p99=%.3f ms max=%.3f ms%n", what, runs,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static String sentence(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
