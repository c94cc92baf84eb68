package de.wachposten.behaviour;

import de.wachposten.model.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: measures the heap that learned profiles take. Builds {@code N} profiles (argument, default 10,000) of
 * 2,000 posts each; every post has a client of 4, a language of 3, a link domain of 300 and a mention of 300, so the
 * value tables grow as they would on a busy channel. Prints the used heap before and after, per profile.
 */
public final class ProfileMemory {
    private ProfileMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        List<Profile> profiles = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        for (int c = 0; c < n; c++) {
            Profile p = new Profile(ZoneId.of("Europe/Berlin"), Duration.ofMinutes(10));
            for (int i = 0; i < 2000; i++) {
                p.learn(new Post("c" + c, "twitter", "p" + i, null, "a", "Text @acc" + (i * 7 % 300),
                        start.plus(Duration.ofMinutes(97L * i)), null, "client" + (i % 4), "l" + (i % 3),
                        List.of("https://d" + (i * 13 % 300) + ".example/x"), start, "{}"));
            }
            profiles.add(p);
        }
        long after = used(rt);
        System.out.println(String.format(Locale.ROOT, "%d profiles of 2,000 posts: %.1f MiB heap, %.1f KiB each",
                profiles.size(), (after - before) / 1048576.0, (after - before) / 1024.0 / profiles.size()));
    }

    private static long used(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
