package de.wachposten.behaviour;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Post;
import de.wachposten.testkit.TestChannels;
import de.wachposten.timing.Holidays;
import de.wachposten.timing.HoursDetector;
import de.wachposten.timing.StatusDetector;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The COMPA-style evaluation: per channel kind, six months of clean history are learned, then three months of clean
 * posts are checked (false alerts) while foreign posts are injected and checked without being learned (detection):
 * posts of other channels placed into the timeline, own-style posts at night, from a client the channel never used,
 * and bursts of six posts within eight minutes.
 */
final class Evaluation {
    static final LocalDate TRAIN_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TEST_FROM = LocalDate.of(2026, 7, 1);
    static final LocalDate TEST_TO = LocalDate.of(2026, 10, 1);
    static final int TEST_MONTHS = 3;
    static final List<String> DETECTORS = List.of("hours", "client", "behaviour", "combined");
    private static final List<String> FOREIGN_CLIENTS = List.of("Twitter for Android", "Twitter for Mac", "IFTTT",
            "dlvr.it", "Tweetbot for iOS", "Twitter for iPad");

    enum Kind { CLEAN, CROSS_CHANNEL, ODD_HOURS, OTHER_CLIENT, BURST }

    /** A post to check, its kind, and its group (bursts are one event of several posts). */
    private record Event(Post post, Kind kind, int group) {}

    /** Counts per kind of event: events, and events caught per detector. */
    static final class Tally {
        final Map<Kind, Integer> events = new LinkedHashMap<>();
        final Map<Kind, Map<String, Integer>> caught = new LinkedHashMap<>();
        int channels;

        void add(Kind k, Set<String> by) {
            events.merge(k, 1, Integer::sum);
            Map<String, Integer> c = caught.computeIfAbsent(k, x -> new LinkedHashMap<>());
            by.forEach(d -> c.merge(d, 1, Integer::sum));
        }

        int events(Kind k) {
            return events.getOrDefault(k, 0);
        }

        int caught(Kind k, String detector) {
            return caught.getOrDefault(k, Map.of()).getOrDefault(detector, 0);
        }

        /** Share of injected events caught by {@code detector}, over every kind but CLEAN. */
        double detectionRate(String detector) {
            int all = 0;
            int hit = 0;
            for (Kind k : Kind.values()) {
                if (k != Kind.CLEAN) {
                    all += events(k);
                    hit += caught(k, detector);
                }
            }
            return all == 0 ? 0 : hit / (double) all;
        }

        double falseAlertsPerChannelMonth(String detector) {
            return caught(Kind.CLEAN, detector) / (double) (channels * TEST_MONTHS);
        }
    }

    private final List<Detector> detectors = List.of(new HoursDetector(new Holidays()), new StatusDetector(),
            new ClientDetector(), new BehaviourDetector());
    private final BehaviourSettings settings;

    /** An evaluation with the default behaviour settings. */
    Evaluation() {
        this(BehaviourSettings.DEFAULTS);
    }

    Evaluation(BehaviourSettings settings) {
        this.settings = settings;
    }

    /** Runs the evaluation for every kind with one seed and adds the counts to {@code tally}. */
    void run(long seed, Tally tally) {
        List<ChannelKind> kinds = ChannelKind.all();
        Map<String, List<Post>> clean = new LinkedHashMap<>();
        Map<String, Timelines> gens = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            Timelines g = new Timelines(kinds.get(i), seed * 31 + i);
            gens.put(kinds.get(i).id(), g);
            clean.put(kinds.get(i).id(), g.clean(TRAIN_FROM, TEST_TO));
        }
        for (ChannelKind k : kinds) {
            runChannel(k, gens.get(k.id()), clean, tally);
            tally.channels++;
        }
    }

    private void runChannel(ChannelKind k, Timelines gen, Map<String, List<Post>> clean, Tally tally) {
        ChannelConfig channel = TestChannels.channel(k.id(), policy(k, settings));
        Profile profile = new Profile(k.zone(), channel.policy().behaviour().burstWithin());
        Instant testStart = gen.at(TEST_FROM, 0);
        List<Event> events = new ArrayList<>();
        for (Post p : clean.get(k.id())) {
            if (p.publishedAt().isBefore(testStart)) {
                profile.learn(p);
            } else {
                events.add(new Event(p, Kind.CLEAN, 0));
            }
        }
        events.addAll(injections(k, gen, clean, testStart));
        events.sort(Comparator.comparing((Event e) -> e.post().publishedAt()));
        Map<Integer, Set<String>> groups = new LinkedHashMap<>();
        Map<Integer, List<Instant>> burstTimes = new LinkedHashMap<>();
        for (Event e : events) {
            ChannelHistory h = e.kind() == Kind.BURST
                    ? new WithExtraTimes(profile, burstTimes.computeIfAbsent(e.group(), x -> new ArrayList<>()))
                    : profile;
            Set<String> by = check(e.post(), channel, h);
            if (e.kind() == Kind.CLEAN) {
                tally.add(Kind.CLEAN, by);
                profile.learn(e.post());
            } else if (e.kind() == Kind.BURST) {
                burstTimes.get(e.group()).add(e.post().publishedAt());
                groups.computeIfAbsent(e.group(), x -> new HashSet<>()).addAll(by);
            } else {
                tally.add(e.kind(), by);
            }
        }
        groups.values().forEach(by -> tally.add(Kind.BURST, by));
    }

    private Set<String> check(Post post, ChannelConfig channel, ChannelHistory h) {
        Findings out = new Findings();
        DetectionContext ctx = new DetectionContext(channel, post.seenAt(), List.of(), Messages.of("en"), h);
        detectors.forEach(d -> d.detect(new de.wachposten.detect.Event.Published(post), ctx, out));
        Set<String> by = new HashSet<>();
        out.list().forEach(f -> {
            switch (f.code()) {
                case OUTSIDE_HOURS -> by.add("hours");
                case UNEXPECTED_CLIENT -> by.add("client");
                case UNUSUAL_BEHAVIOUR -> by.add("behaviour");
                default -> { }
            }
        });
        if (!by.isEmpty()) {
            by.add("combined");
        }
        return by;
    }

    private List<Event> injections(ChannelKind k, Timelines gen, Map<String, List<Post>> clean, Instant testStart) {
        Random rnd = gen.random();
        List<Event> out = new ArrayList<>();
        List<Post> others = clean.entrySet().stream().filter(e -> !e.getKey().equals(k.id()))
                .flatMap(e -> e.getValue().stream()).filter(p -> !p.publishedAt().isBefore(testStart)).toList();
        for (int i = 0; i < 40; i++) {
            Post o = others.get(rnd.nextInt(others.size()));
            out.add(new Event(new Post(k.id(), o.platform(), "x-" + o.platformId(), null, k.id(), o.text(),
                    o.publishedAt(), null, o.client(), o.language(), o.links(), o.seenAt(), "{}"), Kind.CROSS_CHANNEL, 0));
        }
        for (int i = 0; i < 20; i++) {
            out.add(new Event(gen.post(gen.at(testDay(rnd, k, false), rnd.nextInt(6 * 60)), k.clients().getFirst()),
                    Kind.ODD_HOURS, 0));
        }
        for (int i = 0; i < 20; i++) {
            out.add(new Event(gen.post(gen.at(testDay(rnd, k, true), gen.regularMinuteOfDay()),
                    FOREIGN_CLIENTS.get(rnd.nextInt(FOREIGN_CLIENTS.size()))), Kind.OTHER_CLIENT, 0));
        }
        for (int g = 1; g <= 10; g++) {
            Instant start = gen.at(testDay(rnd, k, true), gen.regularMinuteOfDay());
            for (int i = 0; i < 6; i++) {
                out.add(new Event(gen.post(start.plusSeconds(80L * i), k.clients().getFirst()), Kind.BURST, g));
            }
        }
        return out;
    }

    private static LocalDate testDay(Random rnd, ChannelKind k, boolean postingDay) {
        while (true) {
            LocalDate d = TEST_FROM.plusDays(rnd.nextInt((int) (TEST_TO.toEpochDay() - TEST_FROM.toEpochDay())));
            DayOfWeek w = d.getDayOfWeek();
            if (!postingDay || k.days().contains(w)) {
                return d;
            }
        }
    }

    static Policy policy(ChannelKind k, BehaviourSettings settings) {
        return new Policy(false, k.hours().stream().map(HoursRange::parse).toList(), k.zone(), k.holidays(),
                ChannelStatus.ACTIVE, List.of(), List.of(), settings);
    }

    /** A history plus the posts of a burst checked so far (they are not learned). */
    private record WithExtraTimes(ChannelHistory base, List<Instant> extra) implements ChannelHistory {
        @Override
        public int posts() {
            return base.posts();
        }

        @Override
        public int count(Feature feature, String value) {
            return base.count(feature, value);
        }

        @Override
        public int hourCount(DayOfWeek day, int hour) {
            return base.hourCount(day, hour);
        }

        @Override
        public int postsBetween(Instant from, Instant to) {
            return base.postsBetween(from, to)
                    + (int) extra.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
        }

        @Override
        public int usualPeak() {
            return base.usualPeak();
        }
    }
}
