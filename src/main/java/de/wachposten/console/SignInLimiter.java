package de.wachposten.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins per client address: after {@link #MAX_FAILURES} failures within {@link #WINDOW} of the first one,
 * every sign-in from that address is refused until the window ends, the right token too (so guessing cannot go on).
 * Other addresses are never affected, and a success does not clear the count (a valid token of one's own would
 * otherwise reset it between guesses). At most {@link #MAX_ADDRESSES} addresses are remembered: beyond that the
 * oldest windows are forgotten first. Time comes from the injected clock. Thread-safe.
 */
final class SignInLimiter {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_ADDRESSES = 10_000;

    /** Failures of one address since {@code since}, the start of its window. */
    private record Failures(Instant since, int count) {}

    private final Clock clock;
    private final int maxAddresses;
    /** In order of window start: the head is the oldest window, the first to end. */
    private final LinkedHashMap<String, Failures> byAddress = new LinkedHashMap<>();

    SignInLimiter(Clock clock) {
        this(clock, MAX_ADDRESSES);
    }

    SignInLimiter(Clock clock, int maxAddresses) {
        this.clock = clock;
        this.maxAddresses = maxAddresses;
    }

    /** How long sign-ins from {@code address} stay refused; empty when they are allowed. */
    synchronized Optional<Duration> refusedFor(String address) {
        Instant now = clock.instant();
        Failures f = byAddress.get(address);
        if (f == null || f.count() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant end = f.since().plus(WINDOW);
        if (!end.isAfter(now)) {
            byAddress.remove(address);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, end));
    }

    /** Counts a failed sign-in from {@code address}. */
    synchronized void failed(String address) {
        Instant now = clock.instant();
        Failures f = byAddress.get(address);
        if (f == null || !f.since().plus(WINDOW).isAfter(now)) {
            byAddress.remove(address); // a new window goes to the end of the order
            byAddress.put(address, new Failures(now, 1));
            forgetOldest(now);
        } else {
            byAddress.put(address, new Failures(f.since(), f.count() + 1));
        }
    }

    /** Addresses remembered. */
    synchronized int size() {
        return byAddress.size();
    }

    /** Drops ended windows from the head, then the oldest ones while there are more than the bound. */
    private void forgetOldest(Instant now) {
        Iterator<Map.Entry<String, Failures>> it = byAddress.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Failures> e = it.next();
            if (byAddress.size() > maxAddresses || !e.getValue().since().plus(WINDOW).isAfter(now)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
