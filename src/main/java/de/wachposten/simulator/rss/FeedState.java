package de.wachposten.simulator.rss;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripted items of simulated feeds (also used by the YouTube channel feed). Not thread-safe: the simulators
 * guard it with their own lock.
 */
public final class FeedState {
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long nextId = 1;

    /** One simulated feed. */
    public static final class Channel {
        public final String name;
        public String title;
        public String generator;
        /** RSS description / Atom subtitle; null: RSS repeats the title, Atom has none. */
        public String description;
        /** RSS image URL / Atom logo; null: none. */
        public String image;
        /** The site link (RSS channel link, Atom alternate link); null: the simulator's base URL. */
        public String link;
        public int window;
        public Instant changedAt = Instant.EPOCH;
        final List<Entry> entries = new ArrayList<>();

        Channel(String name, String title) {
            this.name = name;
            this.title = title;
        }

        /** All entries, deleted ones included, in creation order. */
        public List<Entry> entries() {
            return List.copyOf(entries);
        }

        /** The visible entries, newest first, at most {@code window} (0: all). */
        public List<Entry> visible() {
            List<Entry> out = new ArrayList<>(entries.stream().filter(e -> !e.deleted).toList());
            out.sort(Comparator.comparing((Entry e) -> e.published).thenComparing(e -> e.seq).reversed());
            return window > 0 && out.size() > window ? out.subList(0, window) : out;
        }
    }

    /** One item, video or photo. */
    public static final class Entry {
        public final String id;
        public final long seq;
        public final Channel channel;
        public final Instant published;
        public String title;
        public String body;
        public Instant updated;
        public boolean deleted;

        Entry(String id, long seq, Channel channel, String title, String body, Instant published) {
            this.id = id;
            this.seq = seq;
            this.channel = channel;
            this.title = title;
            this.body = body;
            this.published = published;
            this.updated = published;
        }
    }

    /** The feed {@code name}, created when new. */
    public Channel channel(String name, String title) {
        return channels.computeIfAbsent(name, n -> new Channel(n, title));
    }

    /** The feed {@code name} or null. */
    public Channel find(String name) {
        return channels.get(name);
    }

    /** Adds an entry; {@code idPrefix} + a running number is its id. */
    public Entry add(Channel c, String idPrefix, String title, String body, Instant published) {
        return add(c, seq -> idPrefix + seq, title, body, published);
    }

    /** Adds an entry whose id {@code idOf} makes from its running number. */
    public Entry add(Channel c, java.util.function.LongFunction<String> idOf, String title, String body,
                     Instant published) {
        long seq = nextId++;
        Entry e = new Entry(idOf.apply(seq), seq, c, title, body, published);
        c.entries.add(e);
        entries.put(e.id, e);
        c.changedAt = max(c.changedAt, published);
        return e;
    }

    /** The entry {@code id}; fails when unknown. */
    public Entry entry(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown simulated feed entry " + id);
        }
        return e;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
