package de.wachposten.bench;

import de.wachposten.simulator.SimRequest;
import de.wachposten.testkit.SimChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Poll delays as the platforms see them: for every channel not on the hanging platform, the gaps between
 * consecutive requests it sent, from the simulator's request log. A poll starts one jittered interval after the
 * previous one, so a gap longer than the longest jittered interval is that much late (an upper bound: a poll's own
 * requests follow its start by the time it takes to read the channel's state).
 */
final class PlatformSideGaps {
    private final Map<String, List<Long>> byAccount;
    private final long longestIntervalNanos;

    private PlatformSideGaps(Map<String, List<Long>> byAccount, long longestIntervalNanos) {
        this.byAccount = byAccount;
        this.longestIntervalNanos = longestIntervalNanos;
    }

    static PlatformSideGaps of(List<SimRequest> log, List<SimChannel> fleet, String hanging, Duration longestInterval) {
        Set<String> watched = fleet.stream().filter(c -> !c.platform().equals(hanging)).map(SimChannel::faultKey)
                .collect(Collectors.toSet());
        Map<String, List<Long>> byAccount = new HashMap<>();
        for (SimRequest r : log) {
            if (r.account() != null && watched.contains(r.account())) {
                byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r.receivedNanos());
            }
        }
        byAccount.values().forEach(java.util.Collections::sort);
        return new PlatformSideGaps(byAccount, longestInterval.toNanos());
    }

    /** The largest lateness of gaps whose later request arrived in [from, to), and how many gaps that was. */
    String describe(String phase, long from, long to) {
        long worst = 0;
        int gaps = 0;
        int late = 0;
        for (List<Long> sorted : byAccount.values()) {
            for (int i = 1; i < sorted.size(); i++) {
                long t = sorted.get(i);
                if (t >= from && t < to) {
                    long lateness = sorted.get(i) - sorted.get(i - 1) - longestIntervalNanos;
                    gaps++;
                    if (lateness > 1_000_000_000L) {
                        late++;
                    }
                    worst = Math.max(worst, lateness);
                }
            }
        }
        return String.format(Locale.ROOT, "platform side, %s, other platforms: %d gaps between a channel's requests, "
                + "largest lateness beyond the longest jittered interval %.3f s, gaps more than 1 s late: %d", phase,
                gaps, worst / 1e9, late);
    }
}
