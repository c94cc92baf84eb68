package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.SimRequest;
import de.wachposten.testkit.SimChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One platform that stops answering must not hold back any other platform's polls. The X API of the simulator holds
 * every request for 60 s (longer than the test runs); more X channels than one HTTP connection pool has slots all hang
 * at once, on the same host as every other platform. Measured from the platforms' side: the gaps between the requests
 * each other channel sends while X hangs stay within its poll interval (plus jitter) and one second.
 */
class HangingPlatformTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T09:00:00Z"), ZoneOffset.UTC);
    /** Connections per host in one HTTP client's pool (the daemon's setting). */
    private static final int POOL_SLOTS = 64;
    private static final int HANGING_CHANNELS = POOL_SLOTS + 6;
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration OBSERVED = Duration.ofSeconds(8);

    @RegisterExtension
    final SimStack stack = SimStack.at(CLOCK);

    @Test
    void xHangingFor60SecondsDelaysNoPollOfAnotherPlatformByASecond(@TempDir Path dir) throws Exception {
        List<SimChannel> hanging = new ArrayList<>();
        for (int i = 0; i < HANGING_CHANNELS; i++) {
            hanging.add(SimChannel.create(stack.sim(), "twitter", i));
        }
        List<SimChannel> others = SimChannel.PLATFORMS.stream().filter(p -> !p.equals("twitter"))
                .map(p -> SimChannel.create(stack.sim(), p, 1)).toList();
        List<SimChannel> all = new ArrayList<>(hanging);
        all.addAll(others);
        all.forEach(c -> c.publish("Archivbeitrag", CLOCK.instant().minus(Duration.ofDays(1))));
        hanging.forEach(c -> stack.sim().faults().inject(c.faultKey(), Fault.slow(Duration.ofSeconds(60)), 1_000));
        stack.startDaemon(stack.writeConfig(dir, "open: {approval: none}\n", all, INTERVAL.toMillis() + "ms", "open"),
                Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> others.stream()
                .allMatch(c -> stack.sim().requestCount(null, c.faultKey()) >= 2));
        await("X requests hang in every slot of a connection pool").atMost(Duration.ofSeconds(5)).until(() -> hanging
                .stream().filter(c -> stack.sim().requestCount(null, c.faultKey()) >= 1).count() >= POOL_SLOTS);
        long from = System.nanoTime();
        await().pollDelay(OBSERVED).atMost(OBSERVED.plusSeconds(5)).until(() -> true);
        long to = System.nanoTime();

        List<SimRequest> log = stack.sim().faults().requests();
        long bound = Math.round(INTERVAL.toNanos() * 1.1) + Duration.ofSeconds(1).toNanos();
        for (SimChannel c : others) {
            assertThat(longestGap(log, c.faultKey(), from, to)).as("longest gap between requests of %s (ns)", c.id())
                    .isLessThan(bound);
        }
    }

    private static long longestGap(List<SimRequest> log, String account, long from, long to) {
        long previous = from;
        long longest = 0;
        for (SimRequest r : log) {
            if (account.equals(r.account()) && r.receivedNanos() >= from && r.receivedNanos() <= to) {
                longest = Math.max(longest, r.receivedNanos() - previous);
                previous = r.receivedNanos();
            }
        }
        return Math.max(longest, to - previous);
    }
}
