package de.wachposten.cluster;

import de.wachposten.store.Lease;
import de.wachposten.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares work between the instances on one store, through the store alone: each instance records a heartbeat, and
 * each piece of work (a channel's polling, a job that runs once per cluster) goes to the live instance that rendezvous
 * hashing prefers for it, which takes the work's lease. When an instance joins, the others hand it its share (they
 * release the leases it is preferred for); when one dies, its heartbeat and leases lapse after the lease time and the
 * survivors take its work over with new fencing tokens. Blocking (store calls); one round at a time.
 *
 * <p>While the store cannot be reached, rounds fail and every instance's heartbeat and leases lapse together. The
 * round after a failed one (or after one that ran {@link #late}) renews this instance's leases (its own lapsed ones
 * too, unless another instance took them meanwhile) and hands on, but takes no lease: so the first instance back does
 * not take the work of the others, which only look dead because they have not written their heartbeat again yet.
 */
public final class Coordinator {
    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    /** What a round changed for this instance. */
    public record Changes(List<Lease> gained, List<String> lost) {
        public boolean isEmpty() {
            return gained.isEmpty() && lost.isEmpty();
        }
    }

    private final Store store;
    private final String instance;
    private final Duration ttl;
    private final Map<String, Lease> held = new HashMap<>();   // guarded by this
    private boolean settling;                                   // guarded by this
    private volatile Map<String, Lease> all = Map.of();
    private volatile List<String> live = List.of();

    /**
     * @param instance this instance's id, unique among the instances on the store
     * @param ttl      how long a heartbeat and a lease last without renewal; rounds must run more often (a third of it)
     */
    public Coordinator(Store store, String instance, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    public String instance() {
        return instance;
    }

    /**
     * One round at {@code now} over the work {@code wanted} (lease names): heartbeat, renew what this instance holds,
     * hand over what another live instance is preferred for, take what this one is preferred for and nobody holds.
     *
     * @return the leases this instance gained and the names it lost (taken over, or handed on) in this round
     */
    public synchronized Changes round(Instant now, Collection<String> wanted) {
        boolean take = !settling;
        settling = true; // stays so when this round fails
        Changes changes = round(now, wanted, take);
        settling = false;
        return changes;
    }

    /**
     * Tells that the last round ran late: it waited for the store so long that the heartbeat and the leases it wrote,
     * which last from the round's start, may lapse early, and the other instances may have missed theirs too. The
     * next round takes no lease, as after a failed round.
     */
    public synchronized void late() {
        settling = true;
    }

    private Changes round(Instant now, Collection<String> wanted, boolean take) {
        Instant until = now.plus(ttl);
        store.heartbeat(instance, now, until);
        Set<String> instances = new LinkedHashSet<>(store.liveInstances(now));
        instances.add(instance);
        live = List.copyOf(instances);
        Map<String, Lease> renewed = new HashMap<>();
        for (Lease l : store.renewLeases(instance, until)) {
            renewed.put(l.name(), l);
        }
        List<String> lost = new ArrayList<>();
        List<String> takenOver = new ArrayList<>();
        Map<String, Integer> handedOn = new java.util.TreeMap<>();
        for (String name : List.copyOf(held.keySet())) {
            if (!renewed.containsKey(name)) {
                held.remove(name);
                lost.add(name);
                takenOver.add(name);
                LOG.debug("lease {} was taken over by another instance", name);
            }
        }
        Set<String> want = new LinkedHashSet<>(wanted);
        List<Lease> gained = new ArrayList<>();
        for (String name : want) {
            boolean mine = instance.equals(preferred(name, live));
            Lease current = renewed.get(name);
            if (mine && current == null && take) {
                Optional<Lease> got = store.acquireLease(name, instance, now, until);
                if (got.isPresent()) {
                    renewed.put(name, got.get());
                    current = got.get();
                }
            } else if (!mine && current != null) {
                store.releaseLease(current, now);
                renewed.remove(name);
                if (held.remove(name) != null) {
                    lost.add(name);
                }
                handedOn.merge(preferred(name, live), 1, Integer::sum);
                LOG.debug("lease {} handed on to {}", name, preferred(name, live));
                continue;
            }
            if (current != null && !held.containsKey(name)) {
                held.put(name, current);
                gained.add(current);
            }
        }
        for (Map.Entry<String, Lease> e : renewed.entrySet()) {
            if (!want.contains(e.getKey())) {
                store.releaseLease(e.getValue(), now); // work this instance no longer has (a channel removed)
                if (held.remove(e.getKey()) != null) {
                    lost.add(e.getKey());
                }
            }
        }
        Map<String, Lease> snapshot = new HashMap<>();
        for (Lease l : store.leases()) {
            snapshot.put(l.name(), l);
        }
        all = Map.copyOf(snapshot);
        summarise(gained, takenOver, handedOn);
        return new Changes(gained, lost);
    }

    /**
     * One log line per round that changed something, however many leases moved (a fleet of thousands of channels
     * rebalances in one round): leases taken over by others (WARN: this instance was presumed dead), handed on, taken.
     */
    private void summarise(List<Lease> gained, List<String> takenOver, Map<String, Integer> handedOn) {
        if (!takenOver.isEmpty()) {
            LOG.warn("{} of this instance's leases were taken over by other instances (e.g. {}); they are no longer"
                    + " worked on here", takenOver.size(), takenOver.getFirst());
        }
        if (!handedOn.isEmpty()) {
            LOG.info("handed on {} leases to the instances now preferred for them: {}",
                    handedOn.values().stream().mapToInt(Integer::intValue).sum(), handedOn);
        }
        if (!gained.isEmpty()) {
            LOG.info("took {} leases (e.g. {}); this instance now holds {}", gained.size(), gained.getFirst().name(),
                    held.size());
        }
    }

    /** Forgets {@code name} after a fenced write told that it passed on (the next round confirms it). */
    public synchronized void lost(String name) {
        held.remove(name);
    }

    /** The lease on {@code name} when this instance holds it. */
    public synchronized Optional<Lease> held(String name) {
        return Optional.ofNullable(held.get(name));
    }

    /** True while this instance holds {@code name} (as of its last round). */
    public synchronized boolean holds(String name) {
        return held.containsKey(name);
    }

    /** Every lease as of the last round (a cheap snapshot for the API and metrics). */
    public Map<String, Lease> leases() {
        return all;
    }

    /** The live instances as of the last round. */
    public List<String> liveInstances() {
        return live;
    }

    /** Gives up every lease this instance holds (a clean shutdown: the others take over at their next round). */
    public synchronized void releaseAll(Instant now) {
        for (Lease l : held.values()) {
            store.releaseLease(l, now);
        }
        held.clear();
        store.heartbeat(instance, now, now);
    }

    /**
     * The instance rendezvous hashing prefers for {@code name} among {@code instances}: the one whose hash with the
     * name is highest. Every instance computes the same answer from the same live list, and when one joins or leaves
     * only its own share moves.
     */
    static String preferred(String name, List<String> instances) {
        String best = null;
        long bestScore = 0;
        for (String i : instances) {
            long score = mix(name.hashCode() * 0x9E3779B97F4A7C15L ^ mix(i.hashCode()));
            if (best == null || Long.compareUnsigned(score, bestScore) > 0
                    || score == bestScore && i.compareTo(best) < 0) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
