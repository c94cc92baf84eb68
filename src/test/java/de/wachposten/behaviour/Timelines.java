package de.wachposten.behaviour;

import de.wachposten.model.Post;
import de.wachposten.timing.Holidays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Generates clean posting timelines for a {@link ChannelKind} from a seeded random source (reproducible). */
final class Timelines {
    private static final Holidays HOLIDAYS = new Holidays();

    private final ChannelKind kind;
    private final Random rnd;
    private int seq;

    Timelines(ChannelKind kind, long seed) {
        this.kind = kind;
        this.rnd = new Random(seed);
    }

    /** Clean posts from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<Post> clean(LocalDate from, LocalDate to) {
        List<Post> out = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (!kind.days().contains(d.getDayOfWeek()) || isHoliday(d)) {
                continue;
            }
            int n = kind.perDay()[0] + rnd.nextInt(kind.perDay()[1] - kind.perDay()[0] + 1);
            for (int i = 0; i < n; i++) {
                out.add(post(at(d, regularMinuteOfDay()), kind.clients().get(rnd.nextInt(kind.clients().size()))));
            }
            if (rnd.nextDouble() < kind.liveShare()) {
                Instant start = at(d, regularMinuteOfDay());
                for (int i = 0; i < 3; i++) {
                    out.add(post(start.plusSeconds(60L * 3 * i + rnd.nextInt(60)), kind.clients().getFirst()));
                }
            }
        }
        out.sort(Comparator.comparing(Post::publishedAt));
        return out;
    }

    private boolean isHoliday(LocalDate d) {
        return kind.holidays() != null && HOLIDAYS.on(kind.holidays(), d, Locale.GERMAN).isPresent();
    }

    /** A minute of the day around the kind's mean hour, within its regular hours; now and then a little later. */
    int regularMinuteOfDay() {
        if (rnd.nextDouble() < 0.004) {
            return kind.latest() * 60 + rnd.nextInt(90);
        }
        double h = kind.meanHour() + rnd.nextGaussian() * kind.sdHour();
        h = Math.max(kind.earliest(), Math.min(kind.latest() - 1.0 / 60, h));
        return (int) (h * 60);
    }

    Instant at(LocalDate d, int minuteOfDay) {
        return ZonedDateTime.of(d, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), kind.zone()).toInstant();
    }

    /** A post in the kind's style at {@code t} from {@code client}. */
    Post post(Instant t, String client) {
        String id = kind.id() + "-" + (++seq);
        List<String> links = new ArrayList<>();
        StringBuilder text = new StringBuilder("Beitrag ").append(seq);
        if (rnd.nextDouble() < kind.linkShare()) {
            String domain = rnd.nextDouble() < 0.03 ? "neu-" + rnd.nextInt(1000) + ".example" : zipf(kind.domains());
            links.add("https://" + domain + "/seite/" + seq);
        }
        if (rnd.nextDouble() < kind.mentionShare()) {
            text.append(' ').append(rnd.nextDouble() < 0.05 ? "@partner" + rnd.nextInt(1000) : zipf(kind.mentions()));
        }
        String lang = kind.languages().get(rnd.nextInt(kind.languages().size()));
        return new Post(kind.id(), "twitter", id, null, kind.id(), text.toString(), t, null, client, lang, links,
                t.plusSeconds(30), "{}");
    }

    private <T> T zipf(List<T> items) {
        double total = 0;
        for (int i = 1; i <= items.size(); i++) {
            total += 1.0 / i;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 1; i <= items.size(); i++) {
            r -= 1.0 / i;
            if (r <= 0) {
                return items.get(i - 1);
            }
        }
        return items.getLast();
    }

    Random random() {
        return rnd;
    }

    ChannelKind kind() {
        return kind;
    }
}
