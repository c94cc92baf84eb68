package de.wachposten.behaviour;

import de.wachposten.detect.ChannelHistory;
import de.wachposten.model.Post;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The learned profile of one channel: how many posts, at which hours of the week (in the channel's zone), from which
 * clients, in which languages, with which link domains and mentions, and the recent publication times for bursts.
 * Memory is bounded: each value table keeps at most {@value #MAX_VALUES} values (when full, values used only once
 * make room; they score almost as high as never-used ones), recent times cover one day, the last {@value #RECENT_IDS} post ids are remembered.
 * Thread-safe (all methods synchronized).
 */
public final class Profile implements ChannelHistory {
    static final int MAX_VALUES = 128;
    /** Recent post ids remembered (as hashes) so that a post learned twice counts once. */
    private static final int RECENT_IDS = 64;
    private static final Duration RECENT = Duration.ofDays(1);

    private final ZoneId zone;
    private final Duration burstWindow;
    private final int[] hourOfWeek = new int[7 * 24];
    private final Map<Feature, Map<String, Integer>> counts = new EnumMap<>(Feature.class);
    private final TreeMap<Instant, Integer> recent = new TreeMap<>();
    private final int[] recentIds = new int[RECENT_IDS];
    private int nextId;
    private int knownIds;
    private int posts;
    private int peak;

    /**
     * @param zone        the zone hours of the week are read in (the policy's)
     * @param burstWindow the window whose busiest count is the channel's usual peak
     */
    public Profile(ZoneId zone, Duration burstWindow) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.burstWindow = Objects.requireNonNull(burstWindow, "burstWindow");
        for (Feature f : Feature.values()) {
            counts.put(f, new HashMap<>());
        }
    }

    /** Learns one post; a post whose id was learned recently is ignored. */
    public synchronized void learn(Post post) {
        if (seenRecently(post.platformId())) {
            return;
        }
        posts++;
        ZonedDateTime local = post.publishedAt().atZone(zone);
        hourOfWeek[slot(local.getDayOfWeek(), local.getHour())]++;
        add(Feature.CLIENT, post.client());
        add(Feature.LANGUAGE, post.language());
        Features.linkDomains(post).forEach(d -> add(Feature.LINK_DOMAIN, d));
        Features.mentions(post).forEach(m -> add(Feature.MENTION, m));
        Instant t = post.publishedAt();
        recent.merge(t, 1, Integer::sum);
        peak = Math.max(peak, countIn(t.minus(burstWindow), t.plusNanos(1)));
        Instant newest = recent.lastKey();
        recent.headMap(newest.minus(RECENT)).clear();
    }

    private boolean seenRecently(String id) {
        int h = id.hashCode();
        for (int i = 0; i < knownIds; i++) {
            if (recentIds[i] == h) {
                return true;
            }
        }
        recentIds[nextId] = h;
        nextId = (nextId + 1) % RECENT_IDS;
        knownIds = Math.min(knownIds + 1, RECENT_IDS);
        return false;
    }

    private void add(Feature f, String value) {
        String v = Features.norm(value);
        if (v == null) {
            return;
        }
        Map<String, Integer> table = counts.get(f);
        if (table.size() >= MAX_VALUES && !table.containsKey(v)) {
            // values used once score as good as never used: dropping them keeps room for values that recur
            table.values().removeIf(c -> c <= 1);
            if (table.size() >= MAX_VALUES) {
                return;
            }
        }
        table.merge(v, 1, Integer::sum);
    }

    private int countIn(Instant from, Instant to) {
        return recent.subMap(from, true, to, false).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int slot(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    @Override
    public synchronized int posts() {
        return posts;
    }

    @Override
    public synchronized int count(Feature feature, String value) {
        String v = Features.norm(value);
        return v == null ? 0 : counts.get(feature).getOrDefault(v, 0);
    }

    @Override
    public synchronized int hourCount(DayOfWeek day, int hour) {
        return hourOfWeek[slot(day, hour)];
    }

    @Override
    public synchronized int postsBetween(Instant from, Instant to) {
        return countIn(from, to);
    }

    @Override
    public synchronized int usualPeak() {
        return peak;
    }
}
