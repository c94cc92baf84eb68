package de.wachposten.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Injected faults and the request log of one simulator. Thread-safe: tests script it from their own thread while
 * the event loop serves requests.
 */
public final class Faults {
    private static final String ALL = "\u0000all";
    private final Map<String, Deque<Pending>> pending = new HashMap<>();
    private final List<SimRequest> requests = new ArrayList<>();

    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /**
     * Plays {@code fault} for the next {@code times} requests concerning {@code account} (null: any account).
     * Faults for one account queue up in injection order; account faults go before faults for all.
     */
    public synchronized Faults inject(String account, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        pending.computeIfAbsent(account == null ? ALL : account, k -> new ArrayDeque<>()).add(new Pending(fault, times));
        return this;
    }

    /** Removes every injected fault that has not been played yet. */
    public synchronized void clear() {
        pending.clear();
    }

    /** Records a request and returns the fault to play for it, if any. */
    public synchronized Optional<Fault> take(SimRequest request) {
        requests.add(request);
        Optional<Fault> own = request.account() == null ? Optional.empty() : next(request.account());
        return own.isPresent() ? own : next(ALL);
    }

    private Optional<Fault> next(String key) {
        Deque<Pending> queue = pending.get(key);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        Pending head = queue.peek();
        if (--head.remaining == 0) {
            queue.poll();
        }
        return Optional.of(head.fault);
    }

    /** Requests received on {@code route} for {@code account}; null for either means any. */
    public synchronized int requestCount(String route, String account) {
        return (int) requests.stream()
                .filter(r -> route == null || route.equals(r.route()))
                .filter(r -> account == null || account.equals(r.account()))
                .count();
    }

    /** All requests received so far, oldest first. */
    public synchronized List<SimRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the request log. */
    public synchronized void clearRequests() {
        requests.clear();
    }
}
